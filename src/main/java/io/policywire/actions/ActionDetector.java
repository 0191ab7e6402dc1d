package io.policywire.actions;

import io.policywire.model.ActionMention;
import io.policywire.model.AnnotatedArticle;
import io.policywire.model.EntityMention;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the regulatory actions an article reports: plain Java, the same for {@code annotate},
 * the harness and the topology. Sentence by sentence: a trigger from {@link TriggerLexicon}, an
 * authority among the tagged entities (a public body, or a person holding an office), targets
 * (companies, platforms, technologies), the date ({@link DateResolver} against publication), and
 * the status the wording gives (threatened or proposed, enacted; revoked, blocked or challenged
 * for an earlier action of the article). One sentence gives at most one action; mentions of one
 * action id are merged per article. See {@code docs/actions.md}.
 */
public final class ActionDetector {

  /** One detection, before the per-article merge: what the harness scores. */
  /**
   * @param derived a status change of an earlier action (revoked, blocked, challenged) that this
   *     sentence reports, rather than an action of its own
   */
  public record Candidate(int sentence, String sentenceText, ActionMention mention,
      ActionType type, ActionStatus status, boolean derived) {}

  private static final Set<String> TARGET_TYPES = Set.of("ORG", "PRODUCT");
  private static final Pattern OFFICE = Pattern.compile("(?i)\\b(president|prime minister|"
      + "minister|secretary|chair|chairman|chairwoman|commissioner|senator|representative|"
      + "congress(wo)?man|governor|judge|justice|attorney general|speaker|chancellor|"
      + "trade representative|adviser|mayor|premier|leader|regulator|ambassador|lawmaker|"
      + "head of state|king|commission)\\b");
  private static final Pattern NOT_OFFICE = Pattern.compile("(?i)\\b(ceo|founder|chief|"
      + "executive|head of (?!state)|investor|employee|activist|journalist|analyst)\\b");
  /** "Microsoft president", "Google global affairs president": an office in a company. */
  private static final Pattern COMPANY_ROLE = Pattern.compile("^(?!(US|UK|EU|Chinese|French|"
      + "German|Indian|Japanese|South|Australian|Canadian|Brazilian|Russian|Taiwanese|FTC|FCC|"
      + "SEC|Commission|House|Supreme|White|OSTP|eSafety|European|Senate)\\b)\\p{Lu}\\S*\\s+"
      + "(?:global affairs |AI )?(president|chairman|head|chair)");
  private static final Pattern COURT_ROLE = Pattern.compile("(?i)\\b(court|justice|judge|"
      + "tribunal)\\b");
  private static final Pattern LAW_MADE = Pattern.compile("(?i)\\b(sign\\w*|enact\\w*|"
      + "into law|adopt\\w*)\\b");
  private static final Pattern EXECUTIVE_ROLE = Pattern.compile("(?i)\\b(ministry|agency|"
      + "regulator|executive|president|prime minister|premier|secretary|minister|chancellor|"
      + "governor|trade representative)\\b");
  private static final Pattern PASSIVE_BY = Pattern.compile("(?i)^\\s*by\\b");
  private static final CuedPattern TITLE_BEFORE = CuedPattern.of("(?i)\\b(president|commissioner|"
      + "senator|sen\\.|rep\\.|secretary|minister|judge|justice|governor|chair(?:man|woman)?|"
      + "attorney general|prime minister|chancellor)\\s+$",
      "\\bpresident", "\\bcommissioner", "\\bsenator", "\\bsen.", "\\brep.", "\\bsecretary",
      "\\bminister", "\\bjudge", "\\bjustice", "\\bgovernor", "\\bchair", "\\battorney general",
      "\\bchancellor");
  private static final CuedPattern NEGATION = CuedPattern.of("(?i)\\b(not|never|no plans|denied|"
      + "deny|denies|refused to|declined to|n't)\\b[^.]{0,30}$",
      "\\bnot", "\\bnever", "\\bno plans", "\\bdenied", "\\bdeny", "\\bdenies", "\\brefused to",
      "\\bdeclined to", "n't");
  private static final CuedPattern PROPOSED = CuedPattern.of(
      "(?i)\\b(threaten\\w*|promis(?:e|es|ed|ing) to|"
      + "propos\\w*|plan(?:s|ned)? to|consider\\w*|weigh\\w*|could|would|may|might|seek\\w* to|"
      + "calls? for|push\\w* for|draft\\w*|pending|potential|possible|expected to|will|vow\\w*|"
      + "mull\\w*|intends? to|wants? to|set to|introduc\\w*)\\b[^.]{0,50}$",
      "\\bthreaten", "\\bpromis", "\\bpropos", "\\bplan", "\\bconsider", "\\bweigh", "\\bcould",
      "\\bwould", "\\bmay", "\\bmight", "\\bseek", "\\bcall", "\\bpush", "\\bdraft", "\\bpending",
      "\\bpotential", "\\bpossible", "\\bexpected to", "\\bwill", "\\bvow", "\\bmull", "\\bintend",
      "\\bwant", "\\bset to", "\\bintroduc");
  private static final Pattern PRONOUN_SUBJECT = Pattern.compile("(?i)(^|[^\\w])(he|she|they|"
      + "the (?:president|agency|regulator|commission|ministry|department|government|court|"
      + "committee|watchdog|authority|authorities))\\b");
  private static final CuedPattern TARGET_ANAPHOR = CuedPattern.of("(?i)\\b(the|its|that|this) "
      + "(?:popular )?(?:video[- ]sharing |social |short[- ]video )?(app|application|company|"
      + "platform|network|firm|service|startup|tech giant|giant|group)\\b|\\bagainst (it|them)\\b",
      "\\bapp", "\\bcompany", "\\bplatform", "\\bnetwork", "\\bfirm", "\\bservice", "\\bstartup",
      "\\bgiant", "\\bgroup", "\\bagainst it", "\\bagainst them");
  private static final Pattern ACTION_ANAPHOR = Pattern.compile("(?i)\\b(that|the|this|those|"
      + "these|his|her|their)\\s+(\\w+\\s+)?(ban|order|orders|rule|rules|law|regulation|policy|"
      + "decision|measure|designation|listing)\\b");
  private static final CuedPattern TEMPORAL_ANAPHOR = CuedPattern.of("(?i)\\b(shortly after|soon "
      + "after|then|later|the next day|the following day|at the time|that day|that month|days "
      + "later|weeks later|the same day)\\b",
      "after", "\\bthen", "later", "next day", "following day", "at the time", "that day",
      "that month", "same day");
  private static final Pattern NEXT_DAY = Pattern.compile("(?i)\\b(the next day|the following "
      + "day)\\b");
  private static final Pattern BUYER_AFTER = Pattern.compile("^(?:\\s+or another [^,]{0,30}?)?"
      + "(?:\\s+until [^,]{0,20}?)?\\s+to (acquire|buy|purchase)\\b");
  private static final Pattern CHALLENGE = Pattern.compile("(?i)\\b(sued|filed (?:a |an )?"
      + "(?:lawsuit|suit|legal challenge)|challenged|is challenging|appealed|is suing)\\b");
  private static final Keywords CHALLENGE_WORDS = Keywords.of("sued", "filed", "challeng",
      "appealed", "suing");

  private static final int TARGET_REACH = 60;
  private static final Pattern CLAUSE_BREAK = Pattern.compile("(?i)(,\\s*(which|who|where|"
      + "while|but)\\b|\\bincluding\\b|\\bsuch as\\b|;|\\baccording to\\b)");

  private final DateResolver dates = new DateResolver();
  private final EntityDirectory directory;
  private final RoleTest office = new RoleTest(r -> OFFICE.matcher(r).find()
      && !NOT_OFFICE.matcher(r).find() && !COMPANY_ROLE.matcher(r).find());
  private final RoleTest court = new RoleTest(r -> COURT_ROLE.matcher(r).find());
  private final RoleTest executive = new RoleTest(r -> EXECUTIVE_ROLE.matcher(r).find());

  public ActionDetector(EntityDirectory directory) {
    this.directory = directory == null ? EntityDirectory.EMPTY : directory;
  }

  /** The article with the actions found in its text, after its entities are tagged. */
  public AnnotatedArticle annotate(AnnotatedArticle annotated) {
    var a = annotated.article();
    return annotated.withActions(detect(a.text(), annotated.entities(), a.publishedAt()));
  }

  /** The actions of one article, one per action id. */
  public List<ActionMention> detect(String text, List<EntityMention> entities,
      String publishedAt) {
    return merge(candidates(text, entities, publishedAt));
  }

  /** An entity mention placed in a sentence; offsets into the sentence. */
  private record Placed(String id, String type, int start, int end, double salience) {}

  private record Context(List<Candidate> actions, List<ResolvedDate> recentDates,
      String[] lastAuthority) {}

  /** Every detection, sentence by sentence, with status changes of earlier actions. */
  public List<Candidate> candidates(String text, List<EntityMention> entities,
      String publishedAt) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    LocalDate published = publishedDate(publishedAt);
    List<Sentences.Sentence> sentences = Sentences.split(text);
    Map<Integer, List<Placed>> placed = place(sentences, entities == null ? List.of() : entities);
    List<Placed> salient = entities == null ? List.of() : entities.stream()
        .filter(e -> TARGET_TYPES.contains(e.type()) && !isAuthority(e.id(), e.type()))
        .sorted(Comparator.comparingDouble(EntityMention::salience).reversed()
            .thenComparing(e -> -e.mentions()))
        .map(e -> new Placed(e.id(), e.type(), 0, 0, e.salience())).toList();
    Context ctx = new Context(new ArrayList<>(), new ArrayList<>(), new String[1]);
    List<Candidate> out = new ArrayList<>();
    for (Sentences.Sentence s : sentences) {
      List<Placed> inSentence = placed.getOrDefault(s.index(), List.of());
      List<ResolvedDate> found = dates.find(s.text(), published);
      detectIn(s, inSentence, found, salient, published, ctx, out);
      found.stream().filter(d -> !d.deadline()).forEach(d -> ctx.recentDates().add(d));
      while (ctx.recentDates().size() > 3) {
        ctx.recentDates().remove(0);
      }
      inSentence.stream().filter(p -> isAuthority(p.id(), p.type()) && "PERSON".equals(p.type()))
          .reduce((a, b) -> b).ifPresent(p -> ctx.lastAuthority()[0] = p.id());
    }
    return out;
  }

  private void detectIn(Sentences.Sentence s, List<Placed> entities, List<ResolvedDate> found,
      List<Placed> salient, LocalDate published, Context ctx, List<Candidate> out) {
    String text = s.text();
    List<TriggerLexicon.Hit> hits = TriggerLexicon.find(text);
    if (hits.isEmpty()) {
      challenge(s, entities, ctx, out);
      return;
    }
    TriggerLexicon.Hit hit = null;
    String authority = null;
    for (TriggerLexicon.Hit h : hits) {
      if (NEGATION.find(text.substring(0, h.start()))) {
        continue;
      }
      authority = authority(text, h, entities, ctx);
      boolean namedLaw = h.type() == ActionType.LEGISLATION
          && entities.stream().anyMatch(p -> "LAW".equals(p.type()));
      if (authority != null || h.type() == ActionType.COURT_RULING || namedLaw) {
        hit = h;
        break;
      }
    }
    if (hit == null) {
      challenge(s, entities, ctx, out);
      return;
    }
    ActionType type = hit.type();
    String jurisdiction = jurisdiction(authority, entities);
    ActionStatus status = status(text, hit);

    Candidate affected = hit.effect() == TriggerLexicon.Effect.NONE ? null
        : affected(text, entities, ctx);
    final String auth = authority;
    final TriggerLexicon.Hit trigger = hit;
    List<Placed> explicit = entities.stream()
        .filter(p -> TARGET_TYPES.contains(p.type()) && !p.id().equals(auth)
            && !isAuthority(p.id(), p.type())
            && !BUYER_AFTER.matcher(text.substring(p.end())).find()
            && nearTrigger(text, p, trigger))
        .toList();
    LinkedHashSet<String> targets = new LinkedHashSet<>();
    explicit.forEach(p -> targets.add(p.id()));
    List<String> techs = new ArrayList<>();
    TechTerms.find(text).forEach(t -> techs.add(t.id()));
    if (TARGET_ANAPHOR.find(text)
        || targets.isEmpty() && techs.isEmpty() && affected == null) {
      salient.stream().findFirst().ifPresent(p -> targets.add(p.id()));
    }
    if (affected != null) {
      targets.addAll(affected.mention().targets());
    }
    String primary = primary(explicit, hit, targets, salient, techs);
    targets.addAll(techs);

    ResolvedDate date = date(text, found, ctx);
    String monthBucket = date != null ? date.monthBucket()
        : published.toString().substring(0, 7);
    String yearBucket = date != null ? date.yearBucket() : published.toString().substring(0, 4);
    String law = type == ActionType.LEGISLATION ? entities.stream()
        .filter(p -> "LAW".equals(p.type())).map(Placed::id).findFirst().orElse(null) : null;
    String id = law != null ? ActionIds.ofLaw(jurisdiction, law)
        : ActionIds.of(jurisdiction, type, idAuthority(type, authority), primary, monthBucket,
            yearBucket);

    ActionMention mention = new ActionMention(id, type.name(), authority,
        List.copyOf(targets), jurisdiction, date == null ? null : date.iso(), text,
        status.name(), affected == null ? null : affected.mention().id());
    Candidate c = new Candidate(s.index(), text, mention, type, status, false);
    out.add(c);
    if (affected != null) {
      ActionStatus changed = hit.effect() == TriggerLexicon.Effect.REVOKES
          ? ActionStatus.REVOKED : ActionStatus.BLOCKED;
      ActionMention a = affected.mention();
      out.add(new Candidate(s.index(), text, new ActionMention(a.id(), a.type(), a.authority(),
          a.targets(), a.jurisdiction(), a.date(), text, changed.name(), null),
          affected.type(), changed, true));
    }
    ctx.actions().add(c);
    if (authority != null && isPerson(authority, entities)) {
      ctx.lastAuthority()[0] = authority;
    }
  }

  /** A company suing over an earlier action of the article: that action is challenged. */
  private void challenge(Sentences.Sentence s, List<Placed> entities, Context ctx,
      List<Candidate> out) {
    if (ctx.actions().isEmpty() || !CHALLENGE_WORDS.anyIn(s.text())) {
      return;
    }
    var m = CHALLENGE.matcher(s.text());
    if (!m.find() || PROPOSED.find(s.text().substring(0, m.start()))) {
      return;
    }
    Candidate last = ctx.actions().get(ctx.actions().size() - 1);
    boolean byTarget = entities.stream().anyMatch(p -> p.start() < m.start()
        && last.mention().targets().contains(p.id()));
    if (!byTarget) {
      return;
    }
    ActionMention a = last.mention();
    out.add(new Candidate(s.index(), s.text(), new ActionMention(a.id(), a.type(),
        a.authority(), a.targets(), a.jurisdiction(), a.date(), s.text(),
        ActionStatus.CHALLENGED.name(), null), last.type(), ActionStatus.CHALLENGED, true));
  }

  private String authority(String text, TriggerLexicon.Hit hit, List<Placed> entities,
      Context ctx) {
    Placed before = null;
    Placed after = null;
    Placed nonAuthorityBetween = null;
    for (Placed p : entities) {
      int start = p.start();
      int end = p.end();
      boolean authority = isAuthority(p.id(), p.type()) || "PERSON".equals(p.type())
          && TITLE_BEFORE.find(text.substring(0, Math.max(0, start)));
      if (end <= hit.start()) {
        if (authority) {
          before = p;
          nonAuthorityBetween = null;
        } else if (before != null && TARGET_TYPES.contains(p.type())) {
          nonAuthorityBetween = p;
        }
      } else if (start >= hit.end() && authority && after == null) {
        after = p;
      }
    }
    if (hit.type() == ActionType.COURT_RULING) {
      for (Placed p : entities) {
        EntityDirectory.Info info = directory.lookup(p.id());
        if (info != null && court.test(info.role())) {
          return p.id();
        }
      }
      return null;
    }
    if (hit.type() == ActionType.LAWSUIT) {
      if (after != null && PASSIVE_BY.matcher(text.substring(hit.end())).find()) {
        return after.id();
      }
      return before != null && nonAuthorityBetween == null ? before.id() : null;
    }
    if (before != null) {
      return before.id();
    }
    if (PRONOUN_SUBJECT.matcher(text.substring(0, hit.start())).find()
        && ctx.lastAuthority()[0] != null) {
      return ctx.lastAuthority()[0];
    }
    if (hit.type() == ActionType.DEMAND) {
      return null;
    }
    return after != null ? after.id() : null;
  }

  private Candidate affected(String text, List<Placed> entities, Context ctx) {
    List<Candidate> earlier = ctx.actions().stream()
        .filter(c -> c.type().family() != ActionType.Family.REVOCATION
            && c.type().family() != ActionType.Family.RULING)
        .toList();
    if (earlier.isEmpty()) {
      return null;
    }
    for (int i = earlier.size() - 1; i >= 0; i--) {
      Candidate c = earlier.get(i);
      if (entities.stream().anyMatch(p -> c.mention().targets().contains(p.id()))) {
        return c;
      }
    }
    return ACTION_ANAPHOR.matcher(text).find() ? earlier.get(earlier.size() - 1) : null;
  }

  private ActionStatus status(String text, TriggerLexicon.Hit hit) {
    if (hit.type() == ActionType.REVOCATION || hit.type() == ActionType.COURT_RULING) {
      return ActionStatus.ENACTED;
    }
    String before = text.substring(0, hit.start());
    String trigger = text.substring(hit.start(), hit.end());
    if (hit.type() == ActionType.LEGISLATION) {
      // a bill passed by one chamber is still a bill; signed or enacted, it is law
      return LAW_MADE.matcher(trigger).find() && !PROPOSED.find(before)
          ? ActionStatus.ENACTED : ActionStatus.PROPOSED;
    }
    if (PROPOSED.find(before) || PROPOSED.find(trigger + " ")) {
      return ActionStatus.PROPOSED;
    }
    return ActionStatus.ENACTED;
  }

  /**
   * The sentence's own date, else, when it points back in time ("shortly after", "the next
   * day"), the latest date of the three sentences before; else none.
   */
  private ResolvedDate date(String text, List<ResolvedDate> found, Context ctx) {
    ResolvedDate own = found.stream().filter(d -> !d.deadline()).findFirst().orElse(null);
    if (own != null || ctx.recentDates().isEmpty() || !TEMPORAL_ANAPHOR.find(text)) {
      return own;
    }
    ResolvedDate last = ctx.recentDates().get(ctx.recentDates().size() - 1);
    if (NEXT_DAY.matcher(text).find() && last.precision() == ResolvedDate.Precision.DAY) {
      return new ResolvedDate(last.date().plusDays(1), last.precision(), 0, 0, false);
    }
    return new ResolvedDate(last.date(), last.precision(), 0, 0, false);
  }

  /** The authority as the id names it: the executive branch for its own kinds of act. */
  private String idAuthority(ActionType type, String authority) {
    if (authority == null || !type.family().executive()) {
      return authority;
    }
    EntityDirectory.Info info = directory.lookup(authority);
    return info != null && executive.test(info.role()) && !court.test(info.role())
        ? "executive" : authority;
  }

  private String jurisdiction(String authority, List<Placed> entities) {
    if (authority != null) {
      EntityDirectory.Info info = directory.lookup(authority);
      if (info != null && info.jurisdiction() != null && !info.jurisdiction().isBlank()) {
        return info.jurisdiction();
      }
    }
    return entities.stream()
        .filter(p -> "GOV".equals(p.type()) || "LAW".equals(p.type())
            || "GPE".equals(p.type()))
        .sorted(Comparator.comparing(p -> "GOV".equals(p.type()) ? 0
            : "LAW".equals(p.type()) ? 1 : 2))
        .map(p -> directory.lookup(p.id())).filter(i -> i != null && i.jurisdiction() != null)
        .map(EntityDirectory.Info::jurisdiction).findFirst().orElse(null);
  }

  /**
   * A target is named in the trigger's clause: within {@value #TARGET_REACH} characters of it,
   * with no relative clause or list of examples in between ("a ban, which giants including Apple
   * opposed" does not target Apple).
   */
  private static boolean nearTrigger(String text, Placed p, TriggerLexicon.Hit hit) {
    int from = Math.min(p.end(), hit.end());
    int to = Math.max(p.start(), hit.start());
    if (from >= to) {
      return true;
    }
    return to - from <= TARGET_REACH && !CLAUSE_BREAK.matcher(text.substring(from, to)).find();
  }

  /**
   * The target the id is built from: the named target nearest the trigger ("WeChat ban", "force
   * ByteDance to sell"), else the article's most salient one the sentence refers to, else a
   * technology.
   */
  private static String primary(List<Placed> explicit, TriggerLexicon.Hit hit,
      Set<String> targets, List<Placed> salient, List<String> techs) {
    Placed nearest = null;
    int best = Integer.MAX_VALUE;
    for (Placed p : explicit) {
      int distance = p.end() <= hit.start() ? hit.start() - p.end()
          : p.start() >= hit.end() ? p.start() - hit.end() : 0;
      if (distance < best) {
        best = distance;
        nearest = p;
      }
    }
    if (nearest != null) {
      return nearest.id();
    }
    for (Placed p : salient) {
      if (targets.contains(p.id())) {
        return p.id();
      }
    }
    if (!targets.isEmpty()) {
      return targets.iterator().next();
    }
    return techs.isEmpty() ? null : techs.get(0);
  }

  private boolean isAuthority(String id, String type) {
    if ("GOV".equals(type)) {
      return true;
    }
    if (!"PERSON".equals(type)) {
      return false;
    }
    EntityDirectory.Info info = directory.lookup(id);
    return info != null && office.test(info.role());
  }

  private static boolean isPerson(String id, List<Placed> entities) {
    return id.startsWith("person:")
        || entities.stream().anyMatch(p -> p.id().equals(id) && "PERSON".equals(p.type()));
  }

  private static Map<Integer, List<Placed>> place(List<Sentences.Sentence> sentences,
      List<EntityMention> entities) {
    Map<Integer, List<Placed>> out = new LinkedHashMap<>();
    for (EntityMention e : entities) {
      for (int[] span : e.spans()) {
        Sentences.Sentence s = sentenceOf(sentences, span);
        if (s != null) {
          out.computeIfAbsent(s.index(), k -> new ArrayList<>())
              .add(new Placed(e.id(), e.type(), span[0] - s.start(), span[1] - s.start(),
                  e.salience()));
        }
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparingInt(Placed::start)));
    return out;
  }

  /**
   * The first sentence that contains the span, or null. Sentences follow one another without
   * overlap, so their ends rise: the first whose end reaches the span's end is the only one that
   * can be the first to contain it, and a binary search finds it.
   */
  private static Sentences.Sentence sentenceOf(List<Sentences.Sentence> sentences, int[] span) {
    int low = 0;
    int high = sentences.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sentences.get(mid).end() < span[1]) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < sentences.size() && sentences.get(low).contains(span) ? sentences.get(low)
        : null;
  }

  private static LocalDate publishedDate(String publishedAt) {
    if (publishedAt != null) {
      try {
        return Instant.parse(publishedAt).atZone(ZoneOffset.UTC).toLocalDate();
      } catch (java.time.format.DateTimeParseException e) {
        try {
          return LocalDate.parse(publishedAt.substring(0, Math.min(10, publishedAt.length())));
        } catch (java.time.format.DateTimeParseException ignored) {
          // fall through
        }
      }
    }
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** One mention per id: first evidence and authority, all targets, the furthest status. */
  public static List<ActionMention> merge(List<Candidate> candidates) {
    Map<String, ActionMention> byId = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      ActionMention m = c.mention();
      ActionMention prev = byId.get(m.id());
      if (prev == null) {
        byId.put(m.id(), m);
        continue;
      }
      LinkedHashSet<String> targets = new LinkedHashSet<>(prev.targets());
      targets.addAll(m.targets());
      ActionStatus ps = ActionStatus.parse(prev.status());
      ActionStatus ms = ActionStatus.parse(m.status());
      String type = ActionType.valueOf(m.type()).moreSpecificThan(ActionType.valueOf(prev.type()))
          ? m.type() : prev.type();
      boolean enactedOverProposed = ps == ActionStatus.PROPOSED && ms == ActionStatus.ENACTED;
      String date = prev.date() == null || m.date() != null
          && (m.date().length() > prev.date().length() || enactedOverProposed)
          ? m.date() : prev.date();
      byId.put(m.id(), new ActionMention(m.id(), type,
          prev.authority() != null ? prev.authority() : m.authority(), List.copyOf(targets),
          prev.jurisdiction() != null ? prev.jurisdiction() : m.jurisdiction(), date,
          prev.evidence(), (ms != null && ms.after(ps) ? ms : ps).name(),
          prev.affects() != null ? prev.affects() : m.affects()));
    }
    return List.copyOf(byId.values());
  }
}
