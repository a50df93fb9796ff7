package vn.bantin.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The date elements of a feed document, taken out before Rome reads it and parsed by
 * {@link FeedDates}: Rome's own date parsing ({@code SimpleDateFormat} over many masks) costs more
 * than the rest of the parse. Rome still reads everything else. A date {@code FeedDates} does not
 * recognize stays in the document, so Rome parses it as it always did.
 *
 * <p>Looked at: the children of the root, of an RSS {@code channel} and of every {@code item} or
 * {@code entry} under either, named like the date elements of RSS 0.9x-2.0 and Atom 0.3 and 1.0
 * in their parent's namespace, and Dublin Core {@code dc:date}. Confined to one parse.
 */
final class TakenDates {

  /** The date fields mappers ask for. */
  enum Field {
    PUB_DATE("pubDate"), LAST_BUILD_DATE("lastBuildDate"), PUBLISHED("published"),
    UPDATED("updated"), ISSUED("issued"), MODIFIED("modified"), CREATED("created"), DC_DATE("date");

    final String localName;

    Field(String localName) {
      this.localName = localName;
    }
  }

  private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
  private static final Field[] FIELDS = Field.values();

  private final Map<Element, Instant[]> byParent = new IdentityHashMap<>();
  private final List<Element> taken = new ArrayList<>();
  private final List<Element> parents = new ArrayList<>();

  private TakenDates() {}

  /** Takes the recognized date elements out of the document under {@code root}. */
  static TakenDates takeFrom(Element root) {
    TakenDates dates = new TakenDates();
    dates.takeTree(root, 1);
    return dates;
  }

  /** The date taken from {@code parent}'s {@code field}, or {@code null}. */
  Instant get(Element parent, Field field) {
    Instant[] dates = parent == null ? null : byParent.get(parent);
    return dates == null ? null : dates[field.ordinal()];
  }

  /** The first of Rome's date and the taken one, as Rome's is only set when none was taken. */
  Instant either(Date rome, Element parent, Field field) {
    return rome != null ? rome.toInstant() : get(parent, field);
  }

  boolean isEmpty() {
    return taken.isEmpty();
  }

  /** Puts every taken element back (at the end of its parent), for Rome to read them itself. */
  void restore() {
    for (int i = 0; i < taken.size(); i++) {
      parents.get(i).addContent(taken.get(i));
    }
    taken.clear();
    parents.clear();
    byParent.clear();
  }

  private void takeTree(Element container, int level) {
    List<Element> dated = null;
    for (Element child : container.getChildren()) {
      if (isContainer(child, container, level)) {
        takeTree(child, level + 1);
      } else if (isDate(child, container)) {
        dated = dated == null ? new ArrayList<>(4) : dated;
        dated.add(child);
      }
    }
    if (dated == null) {
      return;
    }
    // Rome reads the first element of each name; a later one only counts if the first is left.
    boolean[] left = new boolean[FIELDS.length];
    for (Element date : dated) {
      Field field = fieldOf(date);
      if (left[field.ordinal()]) {
        continue;
      }
      Instant[] dates = byParent.get(container);
      boolean first = dates == null || dates[field.ordinal()] == null;
      Instant parsed = first ? FeedDates.parseFast(date.getText()) : null;
      if (first && parsed == null) {
        left[field.ordinal()] = true; // Rome's turn
        continue;
      }
      if (first) {
        byParent.computeIfAbsent(container, p -> new Instant[FIELDS.length])[field.ordinal()] =
            parsed;
      }
      container.removeContent(date);
      taken.add(date);
      parents.add(container);
    }
  }

  /** An RSS channel under the root, or an item or entry under the root or the channel. */
  private static boolean isContainer(Element child, Element parent, int level) {
    String name = child.getName();
    boolean item = name.equals("item") || name.equals("entry");
    return level == 1 ? item || name.equals("channel")
        : level == 2 && item && parent.getName().equals("channel");
  }

  private static boolean isDate(Element child, Element parent) {
    Namespace ns = child.getNamespace();
    if (ns.equals(DC)) {
      return child.getName().equals(Field.DC_DATE.localName);
    }
    return ns.equals(parent.getNamespace()) && fieldOf(child) != null
        && fieldOf(child) != Field.DC_DATE;
  }

  private static Field fieldOf(Element date) {
    String name = date.getName();
    for (Field f : FIELDS) {
      if (f.localName.equals(name)) {
        return f;
      }
    }
    return null;
  }
}
