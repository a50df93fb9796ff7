package vn.bantin.config;

/**
 * One thing wrong with a configuration file.
 *
 * @param file the file name as given (e.g. {@code feeds.yml})
 * @param line 1-based line, or 0 when the problem has no position (a missing key of the root)
 * @param path the field, e.g. {@code sources[2].url}
 * @param message what is wrong, e.g. {@code not an http(s) URL}
 */
public record ConfigProblem(String file, int line, String path, String message) {

  /** {@code feeds.yml:14 sources[2].url: not an http(s) URL}. */
  @Override
  public String toString() {
    return file + ":" + line + " " + path + ": " + message;
  }
}
