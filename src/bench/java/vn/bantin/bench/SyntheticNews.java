package vn.bantin.bench;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.bantin.model.Entry;

/**
 * Deterministic Vietnamese-like news entries: stored entry {@code i} of a corpus is the same
 * every time, so a benchmark can rebuild the link of any stored story without reading it back.
 */
final class SyntheticNews {

  /**
   * Stored stories are published evenly over the corpus's span, which ends at END: by default
   * [START, END], 60 days; a longer span starts earlier, so a corpus of more stories over
   * proportionally more days keeps the density of stories per day.
   */
  static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(60);
  static final Instant END = START.plus(SPAN);
  /** How many sources a corpus spreads its stories over, unless it says otherwise. */
  static final int SOURCES = 100;
  /** Stories stored per ingest call (one poll) while populating, at most. */
  static final int MAX_BATCH = 1_000;

  // Two-syllable words of Party and provincial news, so title keys look like real ones (NFC).
  private static final String[] WORDS = {
    "Đảng ủy", "tỉnh ủy", "huyện ủy", "hội nghị", "triển khai", "nhiệm vụ", "phát triển",
    "kinh tế", "xã hội", "Quốc hội", "Chính phủ", "Thủ tướng", "Bộ trưởng", "đồng chí",
    "tổng kết", "sơ kết", "công tác", "bầu cử", "nông thôn", "đại biểu", "nhân dân", "cán bộ",
    "đảng viên", "học tập", "tư tưởng", "đạo đức", "phong cách", "biên giới", "an ninh",
    "quốc phòng", "giáo dục", "y tế", "du lịch", "văn hóa", "thể thao", "thanh niên", "phụ nữ",
    "Mặt trận", "Tổ quốc", "thành phố", "Hà Nội", "Đà Nẵng", "Sơn La", "Điện Biên", "Lai Châu",
    "Mường Tè", "Phong Thổ", "Tam Đường", "Than Uyên", "Sìn Hồ", "Tân Uyên", "Nậm Nhùn",
    "chuyển đổi", "số hóa", "hạ tầng", "giao thông", "đầu tư", "doanh nghiệp", "hợp tác",
    "kiểm tra", "giám sát", "chỉ đạo", "kỷ niệm", "truyền thống", "đoàn kết", "thi đua",
    "khen thưởng", "trao tặng", "huân chương", "chương trình", "mục tiêu", "quốc gia",
    "giảm nghèo", "bền vững", "đồng bào", "dân tộc", "thiểu số", "vùng cao", "nhà ở",
    "hỗ trợ", "thiên tai", "mưa lũ", "sạt lở", "khắc phục", "hậu quả", "sản xuất",
    "nông nghiệp", "cây trồng", "vật nuôi", "chè Shan", "dược liệu", "thị trường", "xuất khẩu",
    "ngân sách", "thu chi", "kế hoạch", "đề án", "nghị quyết", "chỉ thị", "kết luận",
    "quy định", "tiếp xúc", "cử tri", "kiến nghị", "giải quyết", "khiếu nại", "tố cáo",
    "phòng chống", "tham nhũng", "lãng phí", "tiêu cực", "cải cách", "hành chính", "dịch vụ",
    "công trực tuyến", "trường học", "học sinh", "khai giảng", "bệnh viện", "tiêm chủng"};
  private static final String[] SECTIONS = {
    "chinh-tri", "thoi-su", "kinh-te", "xa-hoi", "van-hoa", "quoc-phong-an-ninh", "dia-phuong"};

  private SyntheticNews() {}

  /** Entries stored per ingest call for a corpus of {@code total}: every source polled. */
  static int batchSize(long total, int sources) {
    return (int) Math.max(1, Math.min(MAX_BATCH, total / sources));
  }

  /**
   * The source id of stored entry {@code i}: batches go to the sources in turn. Ids are
   * {@code nguon-00} to {@code nguon-99} with 100 sources, {@code nguon-000} up with more.
   */
  static String storedSource(long i, long total, int sources) {
    return sourceId((int) ((i / batchSize(total, sources)) % sources), sources);
  }

  /** Source number {@code n} of a corpus of {@code sources}. */
  static String sourceId(int n, int sources) {
    return (sources <= 100 ? "nguon-%02d" : "nguon-%03d").formatted(n);
  }

  /** Stored entry {@code i} of a corpus of {@code total} stories over 100 sources and 60 days. */
  static Entry stored(long i, long total) {
    return stored(i, total, SOURCES, SPAN);
  }

  /** Stored entry {@code i} of a corpus of {@code total} stories; its key is its link. */
  static Entry stored(long i, long total, int sources, Duration span) {
    SplittableRandom random = new SplittableRandom(i);
    String source = storedSource(i, total, sources);
    String title = title(random);
    String link = "https://www." + source + ".vn/" + SECTIONS[random.nextInt(SECTIONS.length)]
        + "/" + slug(title) + "-" + (100_000 + i) + ".html";
    long spreadMillis = span.toMillis() * Math.min(i, total) / Math.max(1, total);
    Instant published = END.minus(span).plusMillis(spreadMillis + random.nextInt(600_000));
    return entry(source, link, link, title, random, published);
  }

  /** The link of stored entry {@code i} as another site would print it: http, no www, utm. */
  static String otherFormOfStoredLink(long i, long total) {
    String link = stored(i, total).link();
    return link.replace("https://www.", "http://")
        + "?utm_source=zalo&utm_medium=chia-se&utm_campaign=tin-moi";
  }

  /** A new entry of {@code source} with its own key, link and title, published in the span. */
  static Entry fresh(String source, String key, long seed, Duration span) {
    SplittableRandom random = new SplittableRandom(seed);
    String title = title(random);
    String link = "https://" + source + ".vn/tin/" + slug(title) + "-" + key + ".html";
    return entry(source, key, link, title, random, within(span, random));
  }

  /** A new entry of {@code source} with its own key, link and title, published then. */
  static Entry publishedAt(String source, String key, long seed, Instant published) {
    SplittableRandom random = new SplittableRandom(seed);
    String title = title(random);
    String link = "https://" + source + ".vn/tin/" + slug(title) + "-" + key + ".html";
    return entry(source, key, link, title, random, published);
  }

  /** An entry of {@code source} whose link is {@code link} (any form), title new, in the span. */
  static Entry withLink(String source, String key, String link, long seed, Duration span) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant published = within(span, random);
    return entry(source, key, link, title(random), random, published);
  }

  /** A random instant of the span that ends at END. */
  private static Instant within(Duration span, SplittableRandom random) {
    return END.minus(span).plusMillis(random.nextLong(span.toMillis()));
  }

  private static Entry entry(String source, String key, String link, String title,
      SplittableRandom random, Instant published) {
    return new Entry(source, key, link, title, "<p>" + summary(random) + "</p>", "",
        "Phóng viên " + WORDS[random.nextInt(WORDS.length)], published,
        published.plusSeconds(60 + random.nextInt(3_600)));
  }

  /** Five to nine words and a number, capitalized, as a news headline. */
  private static String title(SplittableRandom random) {
    StringBuilder title = new StringBuilder();
    int words = 5 + random.nextInt(5);
    int numberAt = random.nextInt(words + 1);
    for (int w = 0; w <= words; w++) {
      title.append(title.length() > 0 ? " " : "");
      title.append(w == numberAt ? number(random) : WORDS[random.nextInt(WORDS.length)]);
    }
    return Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  private static String number(SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0 -> "năm " + (2015 + random.nextInt(11));
      case 1 -> "lần thứ " + (1 + random.nextInt(30));
      case 2 -> {
        int from = 2000 + 5 * random.nextInt(6);
        yield "nhiệm kỳ " + from + "-" + (from + 5);
      }
      case 3 -> (1 + random.nextInt(999)) + " hộ dân";
      default -> (random.nextInt(900) + 100) + " tỷ đồng";
    };
  }

  /** Thirty to sixty syllables in sentences of five to twelve. */
  private static String summary(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int target = 30 + random.nextInt(31);
    int syllables = 0;
    int sentence = 0;
    while (syllables < target) {
      String word = WORDS[random.nextInt(WORDS.length)];
      text.append(sentence == 0 && text.length() > 0 ? ". " : text.length() > 0 ? " " : "");
      text.append(sentence == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1)
          : word);
      int count = word.split(" ").length;
      syllables += count;
      sentence = sentence + count >= 5 + random.nextInt(8) ? 0 : sentence + count;
    }
    return text.append('.').toString();
  }

  /** The first six words of a title, without diacritics, as sites put them in URLs. */
  private static String slug(String title) {
    String folded = Normalizer.normalize(title.replace('đ', 'd').replace('Đ', 'D'),
        Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    String[] words = folded.split("[^a-z0-9]+");
    return String.join("-", Arrays.copyOf(words, Math.min(6, words.length)));
  }
}
