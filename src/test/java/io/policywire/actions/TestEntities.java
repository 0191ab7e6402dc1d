package io.policywire.actions;

import io.policywire.model.EntityMention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny gazetteer for detector unit tests, independent of the real knowledge base. */
final class TestEntities implements EntityDirectory {

  private record Entry(String id, String type, String jurisdiction, String role,
      List<String> names) {}

  private final List<Entry> entries = new ArrayList<>();

  static TestEntities standard() {
    return new TestEntities()
        .add("person:donald-trump", "PERSON", "US", "US president", "Donald Trump", "Trump")
        .add("person:joe-biden", "PERSON", "US", "US president", "Joe Biden", "Biden")
        .add("person:brendan-carr", "PERSON", "US", "FCC chair", "Brendan Carr", "Carr")
        .add("person:shou-zi-chew", "PERSON", "SG", "TikTok CEO", "Shou Zi Chew", "Chew")
        .add("gov:us-doj", "GOV", "US", "ministry", "Department of Justice", "DoJ")
        .add("gov:us-ftc", "GOV", "US", "regulator", "Federal Trade Commission", "FTC")
        .add("gov:us-commerce", "GOV", "US", "ministry", "Commerce Department")
        .add("gov:cn-mofcom", "GOV", "CN", "ministry", "Ministry of Commerce")
        .add("gov:eu-commission", "GOV", "EU", "executive", "European Commission")
        .add("gov:us-senate", "GOV", "US", "legislature", "Senate")
        .add("gov:us-congress", "GOV", "US", "legislature", "Congress")
        .add("org:tiktok", "ORG", "US", "platform", "TikTok")
        .add("org:bytedance", "ORG", "CN", "company", "ByteDance")
        .add("org:microsoft", "ORG", "US", "company", "Microsoft")
        .add("org:apple", "ORG", "US", "company", "Apple")
        .add("org:google", "ORG", "US", "company", "Google")
        .add("org:meta", "ORG", "US", "company", "Meta")
        .add("org:huawei", "ORG", "CN", "company", "Huawei")
        .add("org:wechat", "ORG", "CN", "platform", "WeChat")
        .add("law:us-restrict-act", "LAW", "US", "bill", "RESTRICT Act")
        .add("gpe:cn", "GPE", "CN", "country", "China")
        .add("gpe:us", "GPE", "US", "country", "United States", "U.S.");
  }

  TestEntities add(String id, String type, String jurisdiction, String role, String... names) {
    entries.add(new Entry(id, type, jurisdiction, role, List.of(names)));
    return this;
  }

  @Override
  public Info lookup(String entityId) {
    return entries.stream().filter(e -> e.id().equals(entityId)).findFirst()
        .map(e -> new Info(e.jurisdiction(), e.role())).orElse(null);
  }

  /** Every whole-word occurrence of each name, longest names first, no overlaps. */
  List<EntityMention> tag(String text) {
    Map<String, List<int[]>> spans = new LinkedHashMap<>();
    boolean[] taken = new boolean[text.length()];
    entries.stream()
        .flatMap(e -> e.names().stream().map(n -> Map.entry(n, e)))
        .sorted((a, b) -> b.getKey().length() - a.getKey().length())
        .forEach(ne -> {
          Matcher m = Pattern.compile("(?<![\\w])" + Pattern.quote(ne.getKey()) + "(?![\\w])")
              .matcher(text);
          while (m.find()) {
            boolean free = true;
            for (int i = m.start(); i < m.end(); i++) {
              free &= !taken[i];
            }
            if (free) {
              for (int i = m.start(); i < m.end(); i++) {
                taken[i] = true;
              }
              spans.computeIfAbsent(ne.getValue().id(), k -> new ArrayList<>())
                  .add(new int[] {m.start(), m.end()});
            }
          }
        });
    int total = spans.values().stream().mapToInt(List::size).sum();
    List<EntityMention> out = new ArrayList<>();
    for (Entry e : entries) {
      List<int[]> s = spans.get(e.id());
      if (s != null) {
        s.sort((a, b) -> a[0] - b[0]);
        out.add(new EntityMention(e.id(), e.names().get(0), e.type(), null, s.size(),
            Math.min(1.0, (double) s.size() / total + (s.get(0)[0] < 200 ? 0.2 : 0)), s));
      }
    }
    return out;
  }
}
