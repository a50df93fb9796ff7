package vn.bantin;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The item fields of a rendered feed as a reader gets them after parsing the format: titles as
 * text, summaries and contents as the HTML they carry (entity-decoded). The HTML list has titles
 * only; JSON Feed summaries are plain text.
 */
record RenderedFields(List<String> titles, List<String> summaries, List<String> contents) {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

  static RenderedFields of(String format, String body) throws Exception {
    return switch (format) {
      case "rss" -> xml(body, "", "item", "title", "description", CONTENT, "encoded");
      case "atom" -> xml(body, ATOM, "entry", "title", "summary", ATOM, "content");
      case "json" -> json(body);
      case "html" -> new RenderedFields(
          Jsoup.parse(body).select("li h2").eachText(), List.of(), List.of());
      default -> throw new IllegalArgumentException(format);
    };
  }

  private static RenderedFields json(String body) {
    List<String> titles = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    for (Object o : new JsonObject(body).getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      titles.add(item.getString("title"));
      if (item.getString("summary") != null) {
        summaries.add(item.getString("summary"));
      }
      contents.add(item.getString("content_html"));
    }
    return new RenderedFields(titles, summaries, contents);
  }

  private static RenderedFields xml(String body, String ns, String itemName, String titleName,
      String summaryName, String contentNs, String contentName) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    List<String> titles = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    NodeList items = doc.getElementsByTagNameNS(ns, itemName);
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      child(item, ns, titleName, titles);
      child(item, ns, summaryName, summaries);
      child(item, contentNs, contentName, contents);
    }
    return new RenderedFields(titles, summaries, contents);
  }

  private static void child(Element item, String ns, String name, List<String> into) {
    NodeList found = item.getElementsByTagNameNS(ns, name);
    if (found.getLength() > 0) {
      into.add(found.item(0).getTextContent());
    }
  }
}
