package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails when main code uses an API that parses XML outside the one hardened parser, or that lets
 * Rome (or jsoup) read DTDs, external entities or URLs: Rome's {@code XmlReader} and {@code
 * SyndFeedInput}, {@code Atom10Parser.parseEntry} (its own unhardened SAXBuilder), {@code
 * build(File|URL|InputSource)}, validation, entity expansion, {@code new URL(...)} in the parse
 * package, {@code openStream}/{@code openConnection}, {@code Jsoup.connect}. Only {@code
 * XmlDocuments} may create an XML parser, and only {@code RomeFeeds} a {@code WireFeedInput}
 * (which it feeds a parsed Document).
 */
class XmlApiGuardTest {
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final String XML_DOCUMENTS = "vn/bantin/parse/XmlDocuments.java";
  private static final String ROME_FEEDS = "vn/bantin/parse/RomeFeeds.java";

  /** A forbidden use: its name, its pattern, and the files allowed to have it. */
  private record Rule(String name, Pattern pattern, Set<String> allowedIn, String onlyUnder) {
    Rule(String name, String regex, String... allowedIn) {
      this(name, Pattern.compile(regex), Set.of(allowedIn), "");
    }
  }

  private static final List<Rule> RULES = List.of(
      new Rule("Atom10Parser.parseEntry", "Atom10Parser\\s*\\.\\s*parseEntry|new\\s+Atom10Parser"),
      new Rule("Rome XmlReader", "\\bXmlReader\\b"),
      new Rule("SyndFeedInput", "\\bSyndFeedInput\\b"),
      new Rule("WireFeedInput outside RomeFeeds", "\\bWireFeedInput\\b", ROME_FEEDS),
      new Rule("build from a File, URL or InputSource", "\\.build\\s*\\(\\s*(new\\s+)?"
          + "(java\\.io\\.|java\\.net\\.|org\\.xml\\.sax\\.)?(File|URL|URI|InputSource)\\b"),
      new Rule("an XML parser outside XmlDocuments", "new\\s+SAXBuilder\\s*\\(|\\bXMLReaders\\."
          + "|(SAXParserFactory|DocumentBuilderFactory|XMLInputFactory|TransformerFactory"
          + "|SchemaFactory|XMLReaderFactory)\\s*\\.\\s*new", XML_DOCUMENTS),
      new Rule("validation", "setValidat\\w*\\s*\\(\\s*true|DTDVALIDATING|XSDVALIDATING"),
      new Rule("entity expansion", "setExpandEntities\\s*\\(\\s*true"),
      new Rule("a URL read directly", "\\.openStream\\s*\\(|\\.openConnection\\s*\\("
          + "|Jsoup\\s*\\.\\s*connect|Jsoup\\s*\\.\\s*parse\\s*\\(\\s*(new\\s+)?(URL|File)\\b"),
      new Rule("new URL in the parse package", Pattern.compile("new\\s+(java\\.net\\.)?URL\\s*\\("),
          Set.of(), "vn/bantin/parse/"));

  /** What {@code source} (the file {@code file}, relative to src/main/java) does wrong. */
  static List<String> violations(String file, String source) {
    String code = withoutComments(source);
    List<String> found = new ArrayList<>();
    for (Rule rule : RULES) {
      boolean applies = file.startsWith(rule.onlyUnder()) && !rule.allowedIn().contains(file);
      if (applies && rule.pattern().matcher(code).find()) {
        found.add(file + ": " + rule.name());
      }
    }
    return found;
  }

  /** Block and line comments out (a "//" inside a URL literal has no space before it). */
  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(^|\\s)//.*$", " ");
  }

  @Test
  void mainCodeUsesNoForbiddenXmlApi() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(MAIN)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path p : files) {
      String file = MAIN.relativize(p).toString().replace('\\', '/');
      found.addAll(violations(file, Files.readString(p, StandardCharsets.UTF_8)));
    }
    assertThat(files).as("the scan saw the code").hasSizeGreaterThan(50);
    assertThat(found).isEmpty();
  }

  @Test
  void theOneParserIsHardened() throws IOException {
    String code = withoutComments(Files.readString(MAIN.resolve(XML_DOCUMENTS)));
    assertThat(code).contains(
        "\"http://apache.org/xml/features/disallow-doctype-decl\", true",
        "\"http://xml.org/sax/features/external-general-entities\", false",
        "\"http://xml.org/sax/features/external-parameter-entities\", false",
        "\"http://apache.org/xml/features/nonvalidating/load-external-dtd\", false",
        "setExpandEntities(false)", "setEntityResolver(", "XMLReaders.NONVALIDATING");
    assertThat(withoutComments(Files.readString(MAIN.resolve(ROME_FEEDS))))
        .containsPattern("\\.build\\(document\\)");
  }

  static Stream<Arguments> samples() {
    String parse = "vn/bantin/parse/Sample.java";
    String other = "vn/bantin/publish/Sample.java";
    return Stream.of(
        Arguments.of(parse, "Entry e = Atom10Parser.parseEntry(reader, base, Locale.US);",
            "Atom10Parser.parseEntry"),
        Arguments.of(parse, "new SyndFeedInput().build(new XmlReader(url));", "Rome XmlReader"),
        Arguments.of(parse, "SyndFeed f = new SyndFeedInput().build(document);", "SyndFeedInput"),
        Arguments.of(other, "new WireFeedInput().build(doc);", "WireFeedInput outside RomeFeeds"),
        Arguments.of(ROME_FEEDS, "new WireFeedInput(false, Locale.US).build(new InputSource(in))",
            "build from a File, URL or InputSource"),
        Arguments.of(ROME_FEEDS, "input.build(new java.io.File(\"f.xml\"));",
            "build from a File, URL or InputSource"),
        Arguments.of(other, "SAXBuilder b = new SAXBuilder();",
            "an XML parser outside XmlDocuments"),
        Arguments.of(other, "var f = DocumentBuilderFactory.newInstance();",
            "an XML parser outside XmlDocuments"),
        Arguments.of(XML_DOCUMENTS, "builder.setValidation(true);", "validation"),
        Arguments.of(XML_DOCUMENTS, "builder.setExpandEntities(true);", "entity expansion"),
        Arguments.of(other, "InputStream in = uri.toURL().openStream();", "a URL read directly"),
        Arguments.of(other, "Document d = Jsoup.connect(url).get();", "a URL read directly"),
        Arguments.of(parse, "URL base = new URL(link);", "new URL in the parse package"),
        Arguments.of(ROME_FEEDS, "wire = new WireFeedInput(false, Locale.US).build(document);",
            null),
        Arguments.of(XML_DOCUMENTS, "SAXBuilder b = new SAXBuilder(XMLReaders.NONVALIDATING);",
            null),
        Arguments.of(other, "URL u = new URL(link);", null),
        Arguments.of(other, "// Rome's build(URL) would fetch: never\nString u = \"http://x\";",
            null),
        Arguments.of(parse, "URI next = URI.create(location); /* not new URL( */", null));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("samples")
  void theCheckerCatchesForbiddenUsesAndOnlyThose(String file, String code, String rule) {
    List<String> found = violations(file, code);
    if (rule == null) {
      assertThat(found).as(code).isEmpty();
    } else {
      assertThat(found).as(code).contains(file + ": " + rule);
    }
  }
}
