package vn.bantin.publish;

import java.util.List;
import vn.bantin.model.Story;

/** Writes one category feed in one format. Pure and thread-safe; runs on the render pool. */
public interface Renderer {

  /** The UTF-8 bytes of the document; {@code stories} are already newest first and limited. */
  byte[] render(FeedMeta meta, List<Story> stories);
}
