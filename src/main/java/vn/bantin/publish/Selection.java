package vn.bantin.publish;

import java.time.Instant;
import java.util.List;
import vn.bantin.model.Story;

/**
 * The stories a category shows at one moment, newest first.
 *
 * @param updated the newest story's date, or {@code null} when there is none
 */
public record Selection(List<Story> stories, Instant updated) {

  public Selection {
    stories = List.copyOf(stories);
  }

  static Selection of(List<Story> stories) {
    return new Selection(stories, stories.isEmpty() ? null : stories.get(0).published());
  }
}
