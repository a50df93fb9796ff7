package vn.bantin.publish;

import java.util.Optional;

/** The formats a category feed is served in, with the contract's content types. */
public enum Format {
  RSS("rss", "application/rss+xml; charset=utf-8"),
  ATOM("atom", "application/atom+xml; charset=utf-8"),
  JSON("json", "application/feed+json; charset=utf-8"),
  HTML("html", "text/html; charset=utf-8");

  private final String extension;
  private final String contentType;

  Format(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The format served at {@code /feeds/{category}.{extension}}, if any. */
  public static Optional<Format> byExtension(String extension) {
    for (Format f : values()) {
      if (f.extension.equals(extension)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
