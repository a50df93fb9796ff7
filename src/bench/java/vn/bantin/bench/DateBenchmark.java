package vn.bantin.bench;

import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import vn.bantin.parse.FeedDates;

/**
 * Feed dates parsed by bantin ({@link FeedDates#parse}: by hand, Rome as the fallback) and by
 * Rome's {@code DateParser.parseDate}, which every Rome RSS, Atom and Dublin Core parser calls
 * for every date element. One operation is one date of a mix like that of Vietnamese feeds:
 * RFC 822 with {@code +0700}, {@code GMT}, {@code GMT+7} and North American zone names, two-digit
 * years, no seconds, no day name; RFC 3339 with {@code +07:00}, {@code Z}, fractions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DateBenchmark {

  static final String[] MIX = {
    "Tue, 03 Jun 2025 08:30:00 +0700",
    "Wed, 04 Jun 2025 10:00:00 +0700",
    "Thu, 26 Nov 2026 01:00:00 GMT",
    "Mon, 02 Jun 2025 16:00:00 GMT",
    "Tue, 24 Nov 2026 08:00:00 GMT+7",
    "24 Nov 2026 08:00:00 +0700",
    "Fri, 20 Nov 26 07:00:00 +0700",
    "Sat, 21 Nov 2026 09:15 +0700",
    "Mon, 23 Nov 2026 05:30:00 EST",
    "Sun, 22 Nov 2026 20:45:10 PDT",
    "2026-11-24T09:00:00+07:00",
    "2025-06-03T10:00:00Z",
    "2026-11-22T07:00:00.123+07:00",
    "2026-11-20T03:00:00.000Z",
    "2025-06-01T09:15:00+07:00",
    "2026-11-25T23:59:59-05:00"};

  @Setup
  public void check() {
    // bantin reads every date of the mix; Rome the same instant, except GMT+7, which it misses.
    for (String date : MIX) {
      Instant ours = FeedDates.parse(date);
      Date rome = DateParser.parseDate(date, Locale.US);
      if (ours == null || (rome == null) != date.endsWith("GMT+7")
          || (rome != null && ours.toEpochMilli() != rome.getTime())) {
        throw new IllegalStateException(date + ": bantin " + ours + ", Rome " + rome);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(16)
  public void bantin(Blackhole hole) {
    for (String date : MIX) {
      hole.consume(FeedDates.parse(date));
    }
  }

  @Benchmark
  @OperationsPerInvocation(16)
  public void rome(Blackhole hole) {
    for (String date : MIX) {
      hole.consume(DateParser.parseDate(date, Locale.US));
    }
  }
}
