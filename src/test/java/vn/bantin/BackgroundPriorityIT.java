package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.Eventually.eventually;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.threads.BackgroundPriority;
import vn.bantin.threads.ThreadNice;

/**
 * bantin as users run it, after a poll (one source gzipped), a feed served, a source added by
 * an admin and polled, and another format served: the threads that ingest (inflate, parse, dedup
 * keys, the store's writer) run at {@link BackgroundPriority#NICE}, and every thread that serves
 * (event loops, all started at start-up, renders, the store's readers) and every other thread at
 * the priority it started with: none was started by a lowered thread.
 */
class BackgroundPriorityIT {
  private static final String RSS = "application/rss+xml";

  @TempDir Path dir;

  @Test
  void ingestRunsLoweredAndServingDoesNot() throws Exception {
    ThreadNice.assumeLinuxWithRenice();
    try (HostileUpstream upstream = new HostileUpstream()) {
      Instant newest = Instant.now().minus(Duration.ofHours(1));
      Path feeds = BantinProcess.write(dir.resolve("feeds.yml"), """
          version: 1
          sources:
            - id: vov
              title: VOV
              url: %s
            - id: nhandan
              title: Nhân Dân
              url: %s
          """.formatted(
          upstream.conditional("/vov.rss", RSS, GeneratedFeeds.distinctStories("vov", 20, newest)),
          upstream.gzipped("/nd.rss", RSS, GeneratedFeeds.distinctStories("nd", 20, newest))));
      Path conf = BantinProcess.conf(dir.resolve("bantin.yml"), dir.resolve("data"),
          BantinProcess.ALLOW_PRIVATE_NETWORKS);
      // Newer than the others, so that its stories lead the category feeds whatever their limit.
      String added = upstream.gzipped("/lc.rss", RSS,
          GeneratedFeeds.distinctStories("lc", 20, newest.plus(Duration.ofMinutes(30))));
      try (BantinProcess bantin = BantinProcess.start(conf, feeds, Map.of())) {
        assertThat(bantin.refresh().getInteger("errors")).isZero();
        assertThat(bantin.get("/feeds/all.rss").body()).contains("<item>");
        // An admin's edit, applied and polled, and another format rendered.
        assertThat(bantin.post("/admin/api/sources", """
            {"id": "laichau", "title": "Báo Lai Châu", "url": "%s"}""".formatted(added))
            .statusCode()).isEqualTo(201);
        // The edit comes into force after the answer: refresh until it polls the new source too.
        JsonObject[] refreshed = new JsonObject[1];
        eventually(Duration.ofSeconds(30),
            () -> (refreshed[0] = bantin.refresh()).getInteger("sources") == 3);
        assertThat(refreshed[0].getInteger("errors")).isZero();
        assertThat(bantin.get("/feeds/all.json").body()).contains("Báo Lai Châu");

        // Linux keeps 15 characters of a thread's name: "bantin-store-wr" is the writer.
        Map<String, Integer> nice = threadNices(bantin.pid());
        assertThat(nice.keySet()).as("threads").anyMatch(t -> t.startsWith("bantin-parse-"))
            .anyMatch(t -> t.startsWith("bantin-inflate-"))
            .anyMatch(t -> t.startsWith("bantin-store-wr"))
            .anyMatch(t -> t.startsWith("bantin-store-ke"))
            .anyMatch(t -> t.startsWith("vert.x-eventloo"))
            .anyMatch(t -> t.startsWith("bantin-render-"))
            .anyMatch(t -> t.startsWith("bantin-store-re"));
        // Every event loop started at start-up (Vert.x's default: two per core), none later by
        // a lowered thread.
        assertThat(nice.keySet()).as("event loops")
            .filteredOn(t -> t.startsWith("vert.x-eventloo"))
            .hasSize(2 * Runtime.getRuntime().availableProcessors());
        nice.forEach((thread, value) -> {
          boolean ingest = Stream.of("bantin-parse-", "bantin-inflate-", "bantin-store-wr",
              "bantin-store-ke", "bantin-store-ch").anyMatch(thread::startsWith);
          assertThat(value).as(thread).isEqualTo(ingest ? BackgroundPriority.NICE : 0);
        });
      }
    }
  }

  /** The nice value of each thread of process {@code pid}, by its name and id in /proc. */
  private static Map<String, Integer> threadNices(long pid) throws IOException {
    Map<String, Integer> nice = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        nice.put(Files.readString(task.resolve("comm")).strip() + " (" + task.getFileName() + ")",
            ThreadNice.of(task.resolve("stat")));
      }
    }
    return nice;
  }
}
