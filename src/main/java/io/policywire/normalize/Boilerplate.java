package io.policywire.normalize;

import java.util.regex.Pattern;

/**
 * Decides, one line at a time, whether a line of scraped text is page furniture rather than the
 * story: navigation and skip links, share and subscribe prompts, copyright and republication
 * notices, photo captions and credits, bylines, and the stray letters a drop cap leaves behind.
 * Every rule looks at a whole line, and only at lines short enough to be furniture, so a sentence
 * of the story that merely mentions a newsletter stays. Rules run on the {@link MatchFold} form,
 * so curly and straight quotes match alike.
 */
final class Boilerplate {

  /** What a line is. */
  enum Kind { BODY, JUNK, TAIL, BYLINE }

  /** Longer lines are prose; furniture is short. Also bounds the regex work per line. */
  static final int MAX_FURNITURE_CHARS = 300;

  private static final Pattern JUNK = Pattern.compile(String.join("|",
      // navigation, chrome and ads
      "(skip|jump) to (the )?(main )?(content|navigation|article)",
      "(toggle |main )?(menu|navigation|search)", "home( \\| .*)?", "(log|sign) ?(in|out)",
      "advertisement( - scroll to continue)?", "ad", "sponsored( content)?", "scroll to continue",
      "(continue|keep) reading.{0,40}", "loading\\.*", "back to top", "print( this (article|page))?",
      "listen to (this|the) (article|story).{0,30}", "\\d+ min(ute)?s? (read|listen)",
      "(open|view) (image|gallery|slideshow).{0,30}", "close", "cookies? (settings|policy).{0,60}",
      // error and consent pages saved in place of the article
      "(error )?(404|403|410|500|503)( error)?([ :-]+(page )?(not found|forbidden|gone"
      + "|internal server error|service unavailable))?",
      "(page|article|content|story) (not found|unavailable|(is )?no longer available).{0,80}",
      "access denied.{0,80}", "(please )?(enable|turn on) (javascript|cookies).{0,120}",
      "javascript is (disabled|required|not enabled).{0,120}", "are you a robot\\??.{0,80}",
      "(verify|confirm) (you are|that you're|you're) (a )?human.{0,80}",
      // share and follow
      // atomic groups: "share on share on … x" must fail fast, not try 2^n ways to split
      "(?>(?>share|tweet|pin|email|post|copy link)(?> this| the)?(?> article| story| post| page)?"
      + "(?> on| to| via)?(?> (?>twitter|facebook|linkedin|whatsapp|reddit|pinterest|x|email"
      + "|telegram))?[ .!|,/·•-]*+)+",
      "blogthis!?", "posted by .{1,80}",
      "(facebook|twitter|x|linkedin|bluesky|flipboard|pinterest|reddit|whatsapp|telegram|threads"
      + "|mastodon|email|e-mail|print|copy( link)?( copied)?|link copied|subscribe( now)?"
      + "|(previous|next)( (post|article|story|page))?|ready for more\\??)",
      "(the )?[\\w.'-]+( [\\w.'-]+){0,3} is an independent( global)? news (organization|agency).{0,160}",
      "follow (us|me|@\\w+)( on| at| via) .{0,80}", "(like|find) us on facebook.{0,40}",
      "follow .{1,40} on (twitter|facebook|x|linkedin|instagram|threads|bluesky|mastodon|youtube"
      + "|tiktok|telegram|whatsapp)\\b.{0,80}",
      // subscribe and newsletters
      "(sign up|subscribe|register|join)\\b.{0,160}\\b(newsletter|inbox|updates|alerts|free|podcast"
      + "|briefing|digest|daily|weekly|email)\\b.{0,120}",
      "(already a subscriber|subscribers?[- ]only|subscribe now|become a (member|subscriber)).{0,120}",
      "(get|receive) (our|the) .{0,60}(newsletter|alerts|briefing).{0,60}",
      // related reading inline
      "(read more|read also|also read|see also|related|more on this|recommended|watch)( ?:.{0,200}|)",
      "click here.{0,160}",
      // rights and republication
      "copyright (©|\\(c\\) )?\\d{4}.{0,200}", "(©|\\(c\\)) ?.{0,120}",
      "(this (story|article|piece|post) )?(was )?(originally|first) (published|appeared) .{0,200}",
      "our standards: .{0,80}", "\\(?(additional )?reporting by .{0,200}", "editing by .{0,120}",
      // timestamps and tags
      "(published|updated|posted|last updated|first published)( on| at)?(: | )[^a-z]{0,3}(\\d|jan"
      + "|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday"
      + "|today).{0,50}", "tags?: .{0,200}",
      "(filed|posted) (in|under):? .{0,120}",
      // captions and credits of pictures
      "(photo|image|picture|photograph|illustration|video|graphic|credit|source image)"
      + "( credit)?s?( by)?: .{0,200}"));
  // phrases that make a short line furniture wherever they stand in it, each searched for only
  // when a plain indexOf finds its key word (regex search at every position is the slow part)
  private static final Pattern SUBSCRIBE = Pattern.compile(
      "\\bsubscribe (for free|now|today|to (our|my|the) (newsletter|podcast|channel))\\b"
      + "|\\bsubscribe\\b.{0,40}\\b(receive|get) (new )?(posts|updates|stories|articles)\\b");
  private static final String[] NOTICES = {"all rights reserved", "may not be published",
      "may not be redistributed", "may not be reproduced", "may not be broadcast",
      "may not be rewritten", "republished with permission"};
  // a caption ends with the picture's credit: "... in Beijing. (Twitter)"
  private static final Pattern CAPTION = Pattern.compile("\\((photo|image|picture|pictured"
      + "|file photo|screenshot|twitter|facebook|instagram|youtube|getty images|shutterstock"
      + "|courtesy[^)]{0,60}|[^)]{0,60}/getty[^)]{0,30}|[^)]{0,40}\\bvia getty images"
      + "|ap photo[^)]{0,60}|reuters/[^)]{0,60}|afp photo[^)]{0,60})\\)\\.?$");
  // a number alone: like, comment and page counters
  private static final Pattern COUNT = Pattern.compile("[\\p{N}\\p{P}\\p{S} ]{1,8}");
  private static final Pattern BYLINE = Pattern.compile(
      "by \\p{L}[\\p{L}\\p{M}'.-]*( (and |& )?\\p{L}[\\p{L}\\p{M}'.-]*){0,5}( [|·•,-] .{0,60})?");
  // a heading after which a page lists other stories, comments or author bios, never the story
  private static final Pattern TAIL = Pattern.compile("(popular|recent|latest|related|more|top"
      + "|other|trending|recommended|featured|most (popular|read|viewed|shared)) (posts|articles"
      + "|stories|news|headlines|reads|coverage|reading|videos)( from| on| in)?( this blog| .{0,40})?"
      + "|popular posts from this blog|you (may|might) (also )?(like|enjoy|be interested in)"
      + "|(read|up) next|what to read next|don't miss|editors?'s? picks|around the web"
      + "|from (our|the) partners|sponsored (links|stories)|more from .{1,40}|trending( now)?"
      + "|most (popular|read|viewed)|comments?|\\d+ comments?|leave a (comment|reply)"
      + "|join the (conversation|discussion)|about the author|share this:?|related:?"
      + "|discussion about this (post|article|story)");

  private Boilerplate() {}

  static Kind classify(String line) {
    if (line.length() > MAX_FURNITURE_CHARS) {
      return Kind.BODY;
    }
    String folded = MatchFold.fold(line).strip();
    String bare = folded.endsWith(":") || folded.endsWith(".")
        ? folded.substring(0, folded.length() - 1).strip() : folded;
    if (isStray(folded) || folded.length() <= 8 && COUNT.matcher(folded).matches()) {
      return Kind.JUNK;
    }
    if (TAIL.matcher(bare).matches() && isHeading(line)) {
      return Kind.TAIL;
    }
    if (bare.startsWith("by ") && BYLINE.matcher(bare).matches()
        && isNameCased(line.strip().substring(3))) {
      return Kind.BYLINE;
    }
    boolean junk = JUNK.matcher(bare).matches()
        || bare.length() != folded.length() && JUNK.matcher(folded).matches()
        || hasNotice(folded) || isCaption(folded)
        || folded.contains("subscribe") && SUBSCRIBE.matcher(folded).find();
    return junk ? Kind.JUNK : Kind.BODY;
  }

  private static boolean hasNotice(String folded) {
    for (String notice : NOTICES) {
      if (folded.contains(notice)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCaption(String folded) {
    int open = folded.lastIndexOf('(');
    return (folded.endsWith(")") || folded.endsWith(").")) && open >= 0
        && CAPTION.matcher(folded).region(open, folded.length()).find();
  }

  /** A capital letter alone on its line: a drop cap, whose word may go on in the next line. */
  static boolean isDropCap(String line) {
    String s = line.strip();
    return s.length() == 1 && Character.isUpperCase(s.charAt(0));
  }

  /** At most two letters and no digit: a drop cap, a bullet, a rule of dashes. */
  static boolean isStray(String line) {
    int letters = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isDigit(c) || Character.isLetter(c) && ++letters > 2) {
        return false;
      }
    }
    return true;
  }

  /** A heading: a few words, not a sentence. */
  private static boolean isHeading(String line) {
    String s = line.strip();
    char last = s.charAt(s.length() - 1);
    return s.split(" ").length <= 8 && last != '.' && last != '!' && last != '?';
  }

  /** "By Jane Doe": every word capitalised (a name); "By Monday the deal..." is prose. */
  private static boolean isNameCased(String name) {
    for (String word : name.split(" ")) {
      if (!word.isEmpty() && !word.equals("and") && !word.equals("&")
          && Character.isLowerCase(word.codePointAt(0))) {
        return false;
      }
      if (word.equals("|") || word.equals("·") || word.equals("•") || word.equals("-")) {
        return true;
      }
    }
    return true;
  }
}
