package io.policywire.bench;

import io.policywire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic tech-policy articles of about 5 KB for benchmarks: sentences assembled from
 * actors, actions and subjects, in paragraphs; one article in five is a wire copy of an earlier
 * one (another outlet and headline, a dateline, often a cut ending, credit and newsletter lines). The same seed gives the same workload.
 */
public final class WorkloadGenerator {

  private static final String[] ACTORS = {"The Commerce Department", "The European Commission",
      "Britain's competition regulator", "China's commerce ministry", "The Federal Trade Commission",
      "A federal judge in Washington", "Japan's Fair Trade Commission", "India's IT ministry",
      "South Korea's communications commission", "Australia's eSafety Commissioner",
      "Brazil's Supreme Court", "Canada's privacy commissioner", "The Justice Department"};
  private static final String[] ACTIONS = {"opened an investigation into", "fined",
      "ordered a review of", "proposed new rules for", "sued", "added export restrictions on",
      "demanded documents from", "approved a settlement with", "blocked the acquisition by",
      "warned", "summoned executives of", "published draft guidance on"};
  private static final String[] SUBJECTS = {"TikTok", "ByteDance", "Nvidia", "Apple", "Google",
      "Meta", "Microsoft", "Amazon", "Huawei", "SMIC", "OpenAI", "X", "Temu", "Shein", "Qualcomm",
      "Samsung", "Alibaba", "Tencent", "Arm", "Broadcom"};
  private static final String[] TOPICS = {"data transfers to China", "app store payment rules",
      "advanced AI chips", "children's safety online", "cloud computing contracts",
      "facial recognition", "content moderation", "default search deals", "semiconductor tools",
      "encryption", "generative AI models", "cross-border data flows"};
  private static final String[] OUTLETS = {"Policywire Bench Wire", "Example Daily",
      "Sample Tribune", "Demo Herald", "Test Gazette", "Mock Times"};
  private static final String[] DATELINES = {"WASHINGTON", "BRUSSELS", "LONDON", "BEIJING",
      "TOKYO", "NEW DELHI", "SEOUL"};
  private static final int TARGET_BODY_CHARS = 5_000;
  /**
   * Event time between consecutive articles: 144 a day, so the bench's default 3,000 articles
   * span three weeks, three times the default de-duplication window.
   */
  public static final long SECONDS_BETWEEN_ARTICLES = 600;
  /** Copies republish one of the last this many stories: wire copies follow within hours. */
  static final int RECENT_STORIES = 50;

  private final SplittableRandom random;
  private final List<RawArticle> originals = new ArrayList<>();
  private final Instant start = Instant.parse("2025-01-06T08:00:00Z");
  private final Duration step;
  private long count;

  public WorkloadGenerator(long seed) {
    this(seed, Duration.ofSeconds(SECONDS_BETWEEN_ARTICLES));
  }

  /** @param step event time between consecutive articles (their publishedAt) */
  public WorkloadGenerator(long seed, Duration step) {
    this.random = new SplittableRandom(seed);
    this.step = step;
  }

  /** The next article: a new story, or every fifth one a copy of a recent story. */
  public RawArticle next() {
    count++;
    Instant published = start.plus(step.multipliedBy(count));
    if (count % 5 == 0 && !originals.isEmpty()) {
      RawArticle original = originals.get(random.nextInt(originals.size()));
      return new RawArticle("bench-" + count, null, pick(OUTLETS),
          "Update: " + original.title(), wireCopy(original.body(), published),
          RawArticle.TEXT_PLAIN,
          published.toString(), null);
    }
    RawArticle article = new RawArticle("bench-" + count, null, pick(OUTLETS), headline(),
        body(), RawArticle.TEXT_PLAIN, published.toString(), null);
    originals.add(article);
    if (originals.size() > RECENT_STORIES) {
      originals.remove(0);
    }
    return article;
  }

  /**
   * What a republishing outlet does to a wire story: a dateline, often a cut ending, a credit
   * line and a newsletter prompt, so the copy is near, not exactly, the original.
   */
  private String wireCopy(String body, Instant published) {
    String copy = pick(DATELINES) + " — " + body;
    if (random.nextBoolean()) {
      int cut = copy.lastIndexOf("\n\n", copy.length() * 3 / 4);
      copy = cut > 0 ? copy.substring(0, cut) : copy;
    }
    // the update time makes every copy's text its own, as republished copies are
    return copy + "\n\nWith " + pick(OUTLETS) + ". Updated " + published
        + ".\n\nSign up for our daily policy newsletter.";
  }

  private String headline() {
    return pick(ACTORS) + " " + pick(ACTIONS) + " " + pick(SUBJECTS) + " over " + pick(TOPICS);
  }

  private String body() {
    StringBuilder body = new StringBuilder(TARGET_BODY_CHARS + 400);
    while (body.length() < TARGET_BODY_CHARS) {
      for (int s = 0, n = 3 + random.nextInt(3); s < n; s++) {
        body.append(sentence()).append(' ');
      }
      body.setLength(body.length() - 1);
      body.append("\n\n");
    }
    return body.toString().strip();
  }

  private String sentence() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(ACTORS) + " on " + day() + " " + pick(ACTIONS) + " " + pick(SUBJECTS)
          + " over " + pick(TOPICS) + ", officials said.";
      case 1 -> pick(SUBJECTS) + " said it would comply with the decision on " + pick(TOPICS)
          + " but argued that the rules " + (random.nextBoolean() ? "harm" : "ignore")
          + " smaller competitors.";
      case 2 -> "Analysts said the move by " + pick(ACTORS).toLowerCase() + " could affect "
          + (1 + random.nextInt(900)) + " million users and " + pick(SUBJECTS) + "'s plans.";
      default -> "The case follows earlier action against " + pick(SUBJECTS) + " and "
          + pick(SUBJECTS) + " concerning " + pick(TOPICS) + " in " + (2018 + random.nextInt(8))
          + ".";
    };
  }

  private String day() {
    return new String[] {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}[random.nextInt(5)];
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
