package vn.bantin.publish;

import static vn.bantin.publish.HtmlText.escape;

import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * The embeddable HTML list: one self-contained page that is both the standalone page and the
 * document a portal shows in an {@code <iframe>}. It loads nothing (inline CSS only, no script,
 * font or image), every link opens outside the frame, and every upstream string is escaped; only
 * http and https URLs become links. Each story shows its first source and Vietnamese date, a
 * plain-text excerpt, and links to the other outlets that carried it ("Cũng đưa tin").
 */
public final class HtmlRenderer implements Renderer {

  /** Long enough for a lead sentence, short enough for a 320-pixel sidebar. */
  static final int EXCERPT_CHARS = 200;

  static final String EMPTY = "Chưa có tin.";
  static final String ALSO_REPORTED_BY = "Cũng đưa tin: ";
  static final String UNTITLED = "(Không có tiêu đề)";

  // `rel` on every link: the opened page gets no window.opener and no Referer (the header
  // Referrer-Policy says the same for the whole page).
  private static final String REL = " rel=\"noopener noreferrer\"";

  private static final String STYLE = """
      :root{color-scheme:light dark;--fg:#1d1d1f;--muted:#5e6368;--link:#0b57d0;\
      --line:#e2e4e8;--bg:#fff}
      @media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#a3a7ad;\
      --link:#8ab4f8;--line:#33363b;--bg:#17181a}}
      *{box-sizing:border-box}
      body{margin:0;padding:12px;background:var(--bg);color:var(--fg);\
      font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;\
      overflow-wrap:anywhere}
      a{color:var(--link);text-decoration:none}
      a:hover,a:focus{text-decoration:underline}
      h1{font-size:1.15em;margin:0 0 2px}
      header p{margin:2px 0;color:var(--muted);font-size:.85em}
      ol{list-style:none;margin:8px 0 0;padding:0}
      li{padding:10px 0;border-top:1px solid var(--line)}
      h2{font-size:1em;line-height:1.35;margin:0 0 2px}
      .meta,.also{margin:2px 0;color:var(--muted);font-size:.8em}
      .excerpt{margin:4px 0;font-size:.9em}
      .empty{color:var(--muted)}
      """;

  @Override
  public byte[] render(FeedMeta meta, List<Story> stories) {
    StringBuilder html = new StringBuilder(2048 + stories.size() * 768);
    html.append("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(meta.title())).append("</title>\n")
        // Links leave the frame: a story opened inside a portal's sidebar would be unreadable.
        .append("<base target=\"_blank\">\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    header(html, meta);
    if (stories.isEmpty()) {
      html.append("<p class=\"empty\">").append(EMPTY).append("</p>\n");
    } else {
      html.append("<ol>\n");
      for (Story story : stories) {
        story(html, story);
      }
      html.append("</ol>\n");
    }
    html.append("</body>\n</html>\n");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void header(StringBuilder html, FeedMeta meta) {
    html.append("<header>\n<h1>").append(escape(meta.title())).append("</h1>\n");
    if (meta.description() != null && !meta.description().isBlank()) {
      html.append("<p>").append(escape(meta.description())).append("</p>\n");
    }
    html.append("<p>Theo dõi: ");
    link(html, meta.feedUrl(Format.RSS), "RSS");
    html.append(" · ");
    link(html, meta.feedUrl(Format.ATOM), "Atom");
    html.append(" · ");
    link(html, meta.feedUrl(Format.JSON), "JSON Feed");
    html.append("</p>\n</header>\n");
  }

  private static void story(StringBuilder html, Story story) {
    String title = story.title() == null || story.title().isBlank() ? UNTITLED : story.title();
    html.append("<li>\n<h2>");
    link(html, story.link(), title);
    html.append("</h2>\n<p class=\"meta\">");
    List<SourceRef> sources = story.sources();
    if (!sources.isEmpty()) {
      html.append("<span>").append(escape(name(sources.get(0)))).append("</span> · ");
    }
    html.append("<time datetime=\"").append(FeedFields.rfc3339(story.published())).append("\">")
        .append(VietnameseDates.format(story.published())).append("</time></p>\n");
    String summary = FeedFields.orEmpty(story.summaryHtml());
    String excerpt = HtmlText.excerpt(summary.isBlank() ? story.contentHtml() : summary,
        EXCERPT_CHARS);
    if (!excerpt.isEmpty()) {
      html.append("<p class=\"excerpt\">").append(escape(excerpt)).append("</p>\n");
    }
    if (sources.size() > 1) {
      html.append("<p class=\"also\">").append(ALSO_REPORTED_BY);
      for (int i = 1; i < sources.size(); i++) {
        html.append(i > 1 ? ", " : "");
        link(html, sources.get(i).url(), name(sources.get(i)));
      }
      html.append("</p>\n");
    }
    html.append("</li>\n");
  }

  private static String name(SourceRef source) {
    return source.title() == null || source.title().isBlank() ? source.id() : source.title();
  }

  /** A link when {@code url} is http(s), else the text alone: a bad URL never becomes an href. */
  private static void link(StringBuilder html, String url, String text) {
    String href = HtmlText.httpHref(url);
    if (href == null) {
      html.append(escape(text));
    } else {
      html.append("<a href=\"").append(escape(href)).append('"').append(REL).append('>')
          .append(escape(text)).append("</a>");
    }
  }
}
