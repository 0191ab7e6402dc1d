package io.policywire.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.security.scram.ScramLoginModule;

/**
 * How the embedded broker secures its client listener. {@link #NONE} is plain text, for the demo
 * and most tests. {@link #scram} requires SCRAM-SHA-512 authentication and authorizes every
 * request with ACLs (KRaft's StandardAuthorizer, nothing allowed without an ACL), the way a
 * production cluster is run; the admin user is a super user, its credential written when the
 * log directory is formatted.
 */
public record BrokerSecurity(String adminUser, String adminPassword) {

  public static final BrokerSecurity NONE = new BrokerSecurity(null, null);
  public static final String MECHANISM = "SCRAM-SHA-512";

  public static BrokerSecurity scram(String adminUser, String adminPassword) {
    if (adminUser == null || adminUser.isBlank() || adminPassword == null
        || adminPassword.isEmpty()) {
      throw new IllegalArgumentException("a SCRAM broker needs an admin user and password");
    }
    return new BrokerSecurity(adminUser, adminPassword);
  }

  public boolean secured() {
    return adminUser != null;
  }

  Map<String, String> serverProperties(String clientAddress, String controllerAddress) {
    if (!secured()) {
      return Map.of();
    }
    return Map.ofEntries(
        Map.entry("listeners", "SASL_PLAINTEXT://" + clientAddress + ",CONTROLLER://"
            + controllerAddress),
        Map.entry("advertised.listeners", "SASL_PLAINTEXT://" + clientAddress),
        Map.entry("inter.broker.listener.name", "SASL_PLAINTEXT"),
        Map.entry("listener.security.protocol.map",
            "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("sasl.enabled.mechanisms", MECHANISM),
        Map.entry("sasl.mechanism.inter.broker.protocol", MECHANISM),
        Map.entry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
            jaas(adminUser, adminPassword)),
        Map.entry("authorizer.class.name",
            "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
        Map.entry("allow.everyone.if.no.acl.found", "false"),
        // ANONYMOUS is the principal of the plain-text controller listener, which only the
        // node itself uses (the controller listener serves no client requests)
        Map.entry("super.users", "User:" + adminUser + ";User:ANONYMOUS"));
  }

  List<String> formatArguments() {
    return secured()
        ? List.of("--add-scram", MECHANISM + "=[name=" + adminUser + ",password=" + adminPassword
            + "]")
        : List.of();
  }

  /** Client settings for the admin user; empty when not secured. */
  Map<String, String> adminClientProperties() {
    return secured() ? clientProperties(adminUser, adminPassword) : Map.of();
  }

  /** Client settings for a SCRAM user of a secured broker ({@code kafka.*} config keys). */
  public static Map<String, String> clientProperties(String user, String password) {
    return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
        "sasl.jaas.config", jaas(user, password));
  }

  private static String jaas(String user, String password) {
    return ScramLoginModule.class.getName() + " required username=\"" + user + "\" password=\""
        + password + "\";";
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return secured() ? "SCRAM (admin " + adminUser + ")" : "PLAINTEXT";
  }
}
