package io.policywire.cli;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.PipelineAcls;
import io.policywire.kafka.TopicApplier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policywire acls}: the least-privilege ACLs of the pipeline and the producer. */
@Command(name = "acls", mixinStandardHelpOptions = true,
    description = {"Print (or, with --apply, create) the prefixed ACLs the pipeline and the "
        + "producer need: nothing more.",
        "Applying needs an administrator's credentials (kafka.* settings or KAFKA_* variables)."})
public final class AclsCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--principal", paramLabel = "User:NAME",
      description = "The pipeline's principal.")
  String pipelinePrincipal;

  @Option(names = "--producer-principal", paramLabel = "User:NAME",
      description = "The principal of `produce` (write to the raw topic only).")
  String producerPrincipal;

  @Option(names = "--apply", description = "Create the ACLs (idempotent) instead of printing.")
  boolean apply;

  @Override
  public Integer call() throws Exception {
    if (pipelinePrincipal == null && producerPrincipal == null) {
      throw new IllegalArgumentException("name --principal, --producer-principal or both");
    }
    PolicywireConfig config = options.load();
    List<AclBinding> acls = new ArrayList<>();
    if (pipelinePrincipal != null) {
      acls.addAll(PipelineAcls.forPipeline(config, principal(pipelinePrincipal)));
    }
    if (producerPrincipal != null) {
      acls.addAll(PipelineAcls.forProducer(config, principal(producerPrincipal)));
    }
    PrintWriter out = spec.commandLine().getOut();
    acls.forEach(acl -> out.println(PipelineAcls.describe(acl)));
    if (apply) {
      try (Admin admin = TopicApplier.admin(config)) {
        admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot create ACLs on " + config.bootstrapServers()
            + ": " + e.getCause().getMessage(), e.getCause());
      }
      out.printf("%d ACL(s) in place on %s%n", acls.size(), config.bootstrapServers());
    }
    out.flush();
    return 0;
  }

  private static String principal(String value) {
    if (!value.matches("[A-Za-z]+:.+")) {
      throw new IllegalArgumentException("a principal looks like User:NAME, not '" + value + "'");
    }
    return value;
  }
}
