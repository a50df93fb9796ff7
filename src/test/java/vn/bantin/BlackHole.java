package vn.bantin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port where a TCP connect never completes, as with a host that drops packets. A
 * listening socket that never accepts, its accept queue filled by a few connects of our own: the
 * Linux kernel then drops further SYNs (net.ipv4.tcp_abort_on_overflow = 0, the default) and the
 * client waits for its connect timeout.
 */
final class BlackHole implements AutoCloseable {

  private final ServerSocket listener;
  private final List<SocketChannel> fillers = new ArrayList<>();

  BlackHole() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    listener = new ServerSocket(0, 1, loopback);
    for (int i = 0; i < 4; i++) {
      SocketChannel filler = SocketChannel.open();
      filler.configureBlocking(false);
      filler.connect(new InetSocketAddress(loopback, listener.getLocalPort()));
      fillers.add(filler);
    }
  }

  /** {@code http://127.0.0.1:port/path}. */
  String url(String path) {
    return "http://127.0.0.1:" + listener.getLocalPort() + path;
  }

  @Override
  public void close() throws IOException {
    for (SocketChannel filler : fillers) {
      filler.close();
    }
    listener.close();
  }
}
