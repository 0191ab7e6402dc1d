package io.policywire.tag;

import java.util.List;

/**
 * One row of the knowledge base.
 *
 * @param id type-prefixed slug, stable across releases ({@code org:bytedance})
 * @param type ORG, PERSON, GOV, GPE, MEDIA, PRODUCT, LAW, NGO, or BLOCK for a phrase that is
 *     never an entity but stops a shorter alias inside it from matching ("Amazon rainforest")
 * @param aliases other surface forms; one ending in {@code @} is shared by several entities and
 *     is only taken where the document gives evidence of the entity's jurisdiction
 * @param jurisdiction a country or bloc code (US, CN, EU, …) for public bodies, home country for
 *     the rest; null when none
 * @param role what the entity is ("regulator", "FCC chair", "platform")
 * @param wikidata a Wikidata QID, only where verified; null otherwise
 */
public record KbEntity(String id, String name, String type, List<String> aliases,
    String jurisdiction, String role, String wikidata) {

  public static final String BLOCK = "BLOCK";

  public KbEntity {
    aliases = List.copyOf(aliases);
  }

  public boolean isBlock() {
    return BLOCK.equals(type);
  }
}
