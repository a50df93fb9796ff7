package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AddressGuardTest {

  static Stream<Arguments> addresses() {
    return Stream.of(
        // IPv4 special-purpose ranges
        Arguments.of("this network 0/8", "0.1.2.3", false),
        Arguments.of("unspecified 0.0.0.0", "0.0.0.0", false),
        Arguments.of("private 10/8", "10.20.30.40", false),
        Arguments.of("CGNAT 100.64/10 low", "100.64.0.1", false),
        Arguments.of("CGNAT 100.64/10 high", "100.127.255.254", false),
        Arguments.of("just below CGNAT", "100.63.255.255", true),
        Arguments.of("just above CGNAT", "100.128.0.1", true),
        Arguments.of("loopback 127.0.0.1", "127.0.0.1", false),
        Arguments.of("loopback 127/8", "127.255.0.9", false),
        Arguments.of("link-local 169.254/16", "169.254.1.1", false),
        Arguments.of("cloud metadata", "169.254.169.254", false),
        Arguments.of("private 172.16/12 low", "172.16.0.1", false),
        Arguments.of("private 172.16/12 high", "172.31.255.255", false),
        Arguments.of("just outside 172.16/12", "172.32.0.1", true),
        Arguments.of("IETF 192.0.0/24", "192.0.0.8", false),
        Arguments.of("TEST-NET-1 192.0.2/24", "192.0.2.10", false),
        Arguments.of("6to4 relay 192.88.99/24", "192.88.99.1", false),
        Arguments.of("private 192.168/16", "192.168.1.1", false),
        Arguments.of("benchmarking 198.18/15", "198.19.255.1", false),
        Arguments.of("TEST-NET-2 198.51.100/24", "198.51.100.7", false),
        Arguments.of("TEST-NET-3 203.0.113/24", "203.0.113.99", false),
        Arguments.of("multicast 224/4", "224.0.0.251", false),
        Arguments.of("reserved 240/4", "240.0.0.1", false),
        Arguments.of("broadcast", "255.255.255.255", false),
        Arguments.of("public Cloudflare", "1.1.1.1", true),
        Arguments.of("public Google", "8.8.8.8", true),
        Arguments.of("public VOV-like", "14.225.0.1", true),
        // IPv6
        Arguments.of("unspecified ::", "::", false),
        Arguments.of("loopback ::1", "::1", false),
        Arguments.of("mapped loopback", "::ffff:127.0.0.1", false),
        Arguments.of("mapped private", "::ffff:10.0.0.1", false),
        Arguments.of("mapped public", "::ffff:1.1.1.1", true),
        Arguments.of("compatible loopback", "::127.0.0.1", false),
        Arguments.of("compatible public", "::8.8.8.8", true),
        Arguments.of("NAT64 of metadata", "64:ff9b::169.254.169.254", false),
        Arguments.of("NAT64 of public", "64:ff9b::1.1.1.1", true),
        Arguments.of("NAT64 local-use", "64:ff9b:1::1.1.1.1", false),
        Arguments.of("6to4 of loopback", "2002:7f00:1::1", false),
        Arguments.of("6to4 of private", "2002:c0a8:101::1", false),
        Arguments.of("6to4 of public", "2002:0101:0101::1", true),
        Arguments.of("Teredo", "2001:0:4136:e378::1", false),
        Arguments.of("documentation 2001:db8::/32", "2001:db8::1", false),
        Arguments.of("benchmarking 2001:2::/48", "2001:2::1", false),
        Arguments.of("ORCHIDv2", "2001:20::1", false),
        Arguments.of("unique-local fc00::/7", "fc00::1", false),
        Arguments.of("unique-local fd", "fd12:3456::1", false),
        Arguments.of("link-local fe80::/10", "fe80::1", false),
        Arguments.of("site-local fec0::/10", "fec0::1", false),
        Arguments.of("multicast ff00::/8", "ff02::1", false),
        Arguments.of("discard-only 100::/64", "100::1", false),
        Arguments.of("public Cloudflare v6", "2606:4700::1111", true),
        Arguments.of("public Google v6", "2001:4860:4860::8888", true));
  }

  @ParameterizedTest(name = "{0}: {1} -> public={2}")
  @MethodSource("addresses")
  void classifiesAddress(String name, String literal, boolean expected) throws Exception {
    assertThat(AddressGuard.isPublic(InetAddress.getByName(literal))).isEqualTo(expected);
  }

  static Stream<Arguments> oddNotations() {
    return Stream.of(
        Arguments.of("one decimal number", "2130706433"),
        Arguments.of("short form", "127.1"),
        Arguments.of("bracketed mapped", "[::ffff:127.0.0.1]"),
        Arguments.of("bracketed loopback", "[::1]"),
        Arguments.of("zero address", "0.0.0.0"),
        Arguments.of("localhost", "localhost"));
  }

  /** What the resolver makes of these is what the guard judges, and it is loopback or nothing. */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("oddNotations")
  void oddNotationsResolveToBlockedAddresses(String name, String host) throws Exception {
    InetAddress[] resolved = InetAddress.getAllByName(host);

    assertThat(resolved).isNotEmpty()
        .noneMatch(AddressGuard::isPublic);
  }

  /**
   * Java does not read hexadecimal ({@code 0x7f.0.0.1}) as an address literal, and the system
   * resolver gets it as a name; C's inet_aton would take it as 127.0.0.1. Either way the guard
   * sees the resolved address, never the text: no answer, or only blocked ones.
   */
  @Test
  void hexadecimalHostIsNeverAPublicAddress() {
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName("0x7f.0.0.1");
    } catch (UnknownHostException e) {
      return; // not a literal to Java, and no such name: the fetch ends as DNS_FAILED
    }
    assertThat(Arrays.stream(resolved).noneMatch(AddressGuard::isPublic)).isTrue();
  }

  /**
   * {@code 0177.0.0.1}: this JDK reads the leading zero as decimal (177.0.0.1, public, and then
   * that is the address dialled, not loopback); a resolver reading octal gets 127.0.0.1, which
   * the guard blocks. What may never happen is a public verdict on a loopback connection.
   */
  @Test
  void leadingZeroOctetsNeverReachLoopback() throws Exception {
    for (InetAddress a : InetAddress.getAllByName("0177.0.0.1")) {
      assertThat(a.isLoopbackAddress() ? AddressGuard.isPublic(a) : a.getHostAddress())
          .isIn(false, "177.0.0.1");
    }
  }
}
