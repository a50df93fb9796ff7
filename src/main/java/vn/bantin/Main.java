package vn.bantin;

/** Boots bantin: reads the command line and configuration, wires the stages, serves. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("not yet wired");
  }
}
