package vn.bantin.publish;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** RFC 4287 Appendix B's RELAX NG schema, run by jing; lists every violation it finds. */
final class AtomSchema {

  /** Shared with the rest of the project, one level above the Maven project directory. */
  static final Path RNC = Path.of("..", "shared", "schemas", "atom.rnc");

  private AtomSchema() {}

  static boolean isPresent() {
    return Files.isRegularFile(RNC);
  }

  /** The schema violations in {@code xml}; empty when the document is valid Atom. */
  static List<String> violations(byte[] xml) throws Exception {
    List<String> problems = new ArrayList<>();
    ErrorHandler collect = new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    };
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collect);
    ValidationDriver driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    if (!driver.loadSchema(ValidationDriver.fileInputSource(RNC.toFile()))) {
      throw new IllegalStateException("atom.rnc does not load: " + problems);
    }
    boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(xml)));
    if (!valid && problems.isEmpty()) {
      problems.add("invalid, without a message");
    }
    return problems;
  }
}
