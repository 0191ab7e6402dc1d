package io.policywire.bench;

import io.policywire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic tech-policy articles of about 5 KB for benchmarks: a lead of policy sentences
 * (actors, actions, subjects), then paragraphs of detail drawn from lists of hundreds of words,
 * so unrelated stories share as little text as real ones; one article in five is a wire copy of
 * an earlier one (another outlet and headline, a dateline, often a cut ending, credit and
 * newsletter lines). The same seed gives the same workload.
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
  private static final String[] FIRST_NAMES = words("Ana Ben Chen Dara Emil Farah Goran Hana Ines "
      + "Jonas Kofi Lena Mateo Nadia Omar Priya Quentin Rosa Sami Tomas Uma Viktor Wen Yara Zoltan "
      + "Aiko Bruno Carla Dmitri Elif Felix Greta Hugo Irene Javier Kavya Luca Maya Nils Olga");
  private static final String[] SURNAMES = words("Abara Bergstrom Castillo Dubois Eriksen Fontaine "
      + "Garcia Haddad Ito Jensen Kowalczyk Larsen Moreau Nakamura Okafor Petrov Quispe Rossi "
      + "Silva Tanaka Ueda Varga Weber Xu Yilmaz Zhang Adeyemi Brennan Costa Dimitrov Esposito "
      + "Fischer Gupta Horvat Iqbal Janssen Kim Lindqvist Mendes Novak Oliveira Park Reyes");
  private static final String[] ROLES = words("analyst economist lawyer professor researcher "
      + "director adviser engineer lobbyist spokesperson consultant official auditor historian "
      + "strategist investor founder organiser");
  private static final String[] PLACES = words("Lisbon Nairobi Osaka Lyon Krakow Austin Pune Lagos "
      + "Bergen Quito Leeds Seville Tartu Busan Accra Graz Dundee Fresno Hobart Kochi Malmo Porto "
      + "Rennes Sapporo Turin Utrecht Vilnius Windhoek Zagreb Bilbao Cork Dijon Espoo Gdansk Haifa "
      + "Izmir Kazan Lucerne Medan Nantes Oulu Perth Rosario Salta Tromso Umea Valencia");
  private static final String[] ADJECTIVES = words("regional quarterly rural coastal municipal "
      + "private public early late annual modest sharp broad narrow costly cheap rapid gradual "
      + "local national foreign domestic junior senior formal informal recent former urban "
      + "independent technical legal financial industrial agricultural academic medical "
      + "commercial seasonal northern southern eastern western smaller larger overdue unused "
      + "pending disputed shared separate internal external temporary permanent voluntary "
      + "mandatory digital manual");
  private static final String[] NOUNS = words("budget survey council harbour ledger archive "
      + "warehouse pipeline tender bridge clinic campus fleet orchard subsidy tariff grant audit "
      + "census ferry depot refinery mill railway reservoir turbine vineyard factory hospital "
      + "library museum stadium market union cooperative bank lender insurer broker supplier "
      + "contractor retailer wholesaler exporter importer shipyard airport terminal corridor "
      + "district province parish township committee panel board registry inspector surveyor "
      + "tenant landlord pension payroll invoice contract licence permit quota levy dividend "
      + "mortgage deposit");
  private static final String[] VERBS = words("doubled halved reviewed delayed expanded "
      + "trimmed financed audited relocated merged replaced leased insured repaired rebuilt "
      + "staffed priced tracked surveyed reopened closed extended shortened revised published "
      + "disputed settled renewed cancelled approved");
  private static final String[] CONNECTIVES = words("despite after before beside beyond "
      + "alongside against without within during");
  private static final String[] MONTHS = words("January February March April May June July "
      + "August September October November December");
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
    body.append(sentence()).append(' ').append(sentence()).append("\n\n");
    while (body.length() < TARGET_BODY_CHARS) {
      for (int s = 0, n = 3 + random.nextInt(3); s < n; s++) {
        body.append(random.nextInt(4) == 0 ? sentence() : detail()).append(' ');
      }
      body.setLength(body.length() - 1);
      body.append("\n\n");
    }
    return body.toString().strip();
  }

  /** A sentence of the story itself, from the policy templates (entities, actions, stance). */
  private String sentence() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(ACTORS) + " on " + day() + " " + pick(ACTIONS) + " " + pick(SUBJECTS)
          + " over " + pick(TOPICS) + ", " + person() + " said.";
      case 1 -> pick(SUBJECTS) + " said it would comply with the decision on " + pick(TOPICS)
          + " but argued that the rules " + (random.nextBoolean() ? "harm" : "ignore")
          + " " + pick(ADJECTIVES) + " " + pick(NOUNS) + ".";
      case 2 -> "Analysts said the move by " + pick(ACTORS).toLowerCase() + " could affect "
          + (1 + random.nextInt(900)) + " million users and " + pick(SUBJECTS) + "'s plans.";
      default -> "The case follows earlier action against " + pick(SUBJECTS) + " and "
          + pick(SUBJECTS) + " concerning " + pick(TOPICS) + " in " + (2018 + random.nextInt(8))
          + ".";
    };
  }

  /**
   * A sentence of detail, drawn word by word from lists of hundreds, so that two unrelated
   * stories share few five-word runs, as real ones do. (Built from the templates alone, every
   * article resembled every other: minhash bands then matched hundreds of unrelated articles,
   * which no real feed does, and the de-duplication index slowed with every article kept.)
   */
  private String detail() {
    return switch (random.nextInt(3)) {
      case 0 -> person() + ", " + pick(ROLES) + " at " + pick(PLACES) + ", said the "
          + pick(ADJECTIVES) + " " + pick(NOUNS) + " " + pick(VERBS) + " " + pick(ADJECTIVES) + " "
          + pick(NOUNS) + " in " + pick(PLACES) + ".";
      case 1 -> "The " + pick(NOUNS) + " " + pick(VERBS) + " " + (2 + random.nextInt(98)) + " "
          + pick(ADJECTIVES) + " " + pick(NOUNS) + "s since " + pick(MONTHS) + ", according to "
          + pick(ADJECTIVES) + " " + pick(NOUNS) + " figures reviewed by " + person() + ".";
      default -> "In " + pick(PLACES) + ", " + pick(ADJECTIVES) + " " + pick(NOUNS) + " and "
          + pick(ADJECTIVES) + " " + pick(NOUNS) + " " + pick(VERBS) + " the " + pick(NOUNS)
          + " " + pick(CONNECTIVES) + " " + pick(ADJECTIVES) + " " + pick(NOUNS) + ".";
    };
  }

  private String person() {
    return pick(FIRST_NAMES) + " " + pick(SURNAMES);
  }

  private String day() {
    return new String[] {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}[random.nextInt(5)];
  }

  private static String[] words(String list) {
    return list.split(" ");
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
