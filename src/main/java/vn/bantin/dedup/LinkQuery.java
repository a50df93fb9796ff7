package vn.bantin.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The query of a canonical link: tracking parameters removed, the rest sorted, encoding normal. */
final class LinkQuery {

  // Removing a parameter that selects content would merge different articles, which is worse
  // than a missed duplicate, so only names known to be click or campaign trackers are listed:
  // Google (utm_*, gclid, _ga), Meta (fbclid, igshid), Microsoft, Yandex, Twitter, TikTok,
  // Mailchimp, Marketo, HubSpot, Matomo/Piwik campaigns, and Zalo (zarsrc), common on Vietnamese
  // news sites. Names are compared in lower case.
  /** Query parameters that only track the reader's path to the article, by exact name. */
  private static final Set<String> TRACKING_PARAMS = Set.of(
      "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
      "ttclid", "igshid", "zarsrc", "mc_cid", "mc_eid", "_ga", "_gl", "ref_src", "mkt_tok",
      "_hsenc", "_hsmi", "pk_campaign", "pk_kwd", "pk_source", "pk_medium", "pk_content",
      "mtm_campaign", "mtm_kwd", "mtm_source", "mtm_medium", "mtm_content");
  /** Query parameters that only track, by prefix. */
  private static final List<String> TRACKING_PREFIXES = List.of("utm_");

  private LinkQuery() {}

  /**
   * {@code ?} and the parameters of {@code query} (without its {@code ?}) other than trackers,
   * sorted by name then value; empty when none is left.
   */
  static String of(String query) {
    List<String[]> params = new ArrayList<>();
    for (String param : query.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = PercentEncoding.normalize(eq >= 0 ? param.substring(0, eq) : param);
      String value = eq >= 0 ? "=" + PercentEncoding.normalize(param.substring(eq + 1)) : "";
      if (!isTracking(name)) {
        params.add(new String[] {name, value});
      }
    }
    if (params.isEmpty()) {
      return "";
    }
    params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder("?");
    for (String[] param : params) {
      out.append(out.length() > 1 ? "&" : "").append(param[0]).append(param[1]);
    }
    return out.toString();
  }

  private static boolean isTracking(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return TRACKING_PARAMS.contains(lower)
        || TRACKING_PREFIXES.stream().anyMatch(lower::startsWith);
  }
}
