package vn.bantin.fetch;

import java.net.InetAddress;

/**
 * Decides whether an address is on the public internet, so a feed URL cannot make bantin reach
 * loopback, the LAN, cloud metadata services or other special-purpose ranges (server-side request
 * forgery). Ranges follow the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890).
 * Pure and thread-safe.
 */
public final class AddressGuard {

  private AddressGuard() {}

  /**
   * {@code true} only for a globally routable unicast address. An IPv6 address that embeds an
   * IPv4 one (mapped, compatible, NAT64, 6to4) is judged by the embedded address, since that is
   * where packets end up.
   */
  public static boolean isPublic(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 4 ? isPublicV4(b, 0) : isPublicV6(b);
  }

  private static boolean isPublicV4(byte[] b, int at) {
    int a0 = b[at] & 0xff;
    int a1 = b[at + 1] & 0xff;
    int a2 = b[at + 2] & 0xff;
    if (a0 == 0 || a0 == 10 || a0 == 127) {
      return false; // "this network" 0/8, private 10/8, loopback 127/8
    }
    if (a0 >= 224) {
      return false; // multicast 224/4, reserved 240/4, broadcast 255.255.255.255
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return false; // shared address space (CGNAT) 100.64/10, RFC 6598
    }
    if (a0 == 169 && a1 == 254) {
      return false; // link-local, including the cloud metadata service 169.254.169.254
    }
    if (a0 == 172 && (a1 & 0xf0) == 16) {
      return false; // private 172.16/12
    }
    if (a0 == 192 && a1 == 168) {
      return false; // private 192.168/16
    }
    if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
      return false; // IETF protocol assignments 192.0.0/24, TEST-NET-1 192.0.2/24
    }
    if (a0 == 192 && a1 == 88 && a2 == 99) {
      return false; // deprecated 6to4 relay anycast 192.88.99/24
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return false; // benchmarking 198.18/15
    }
    if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
      return false; // TEST-NET-2, TEST-NET-3
    }
    return true;
  }

  private static boolean isPublicV6(byte[] b) {
    if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return isPublicV4(b, 12); // IPv4-mapped ::ffff:a.b.c.d
    }
    if (isZero(b, 0, 12)) {
      return isPublicV4(b, 12); // :: , ::1 and the deprecated IPv4-compatible ::a.b.c.d
    }
    int w0 = word(b, 0);
    int w1 = word(b, 2);
    if (w0 == 0x0064 && w1 == 0xff9b) {
      // NAT64: 64:ff9b::/96 (RFC 6052) translates to the embedded IPv4; 64:ff9b:1::/48 is the
      // local-use prefix (RFC 8215), never public.
      return isZero(b, 4, 8) && isPublicV4(b, 12);
    }
    if ((w0 & 0xe000) != 0x2000) {
      // Outside global unicast 2000::/3: unique-local fc00::/7, link-local fe80::/10,
      // site-local fec0::/10, multicast ff00::/8, discard-only 100::/64, and unassigned space.
      return false;
    }
    if (w0 == 0x2002) {
      return isPublicV4(b, 2); // 6to4 2002:AABB:CCDD::/48 carries a.b.c.d
    }
    if (w0 == 0x2001) {
      if (w1 == 0x0000 || w1 == 0x0db8) {
        return false; // Teredo 2001::/32 (tunnels to anywhere), documentation 2001:db8::/32
      }
      if (w1 == 0x0002 && word(b, 4) == 0) {
        return false; // benchmarking 2001:2::/48
      }
      if ((w1 & 0xfff0) == 0x0010 || (w1 & 0xfff0) == 0x0020) {
        return false; // ORCHID 2001:10::/28 and ORCHIDv2 2001:20::/28
      }
    }
    return true;
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int word(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }
}
