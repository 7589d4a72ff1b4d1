using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>stackblaze-webhook explain</c>, run as a user runs it: what each object gets, and every reason it gets no more.</summary>
public sealed class ExplainCommandTests
{
    private static readonly string Reasons = RepositoryPaths.Fixture("Explain", "reasons.yaml");

    [Fact]
    public async Task Shop_frontend_gets_each_links_service_port_protocol_form_and_values_with_credentials_as_secret_references()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "deploy/frontend", "-f", "deploy/examples/shop", "-o", "json"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var frontend = Objects(result.Stdout).Should().ContainSingle().Subject;
        frontend["kind"]!.GetValue<string>().Should().Be("Deployment");
        frontend["namespace"]!.GetValue<string>().Should().Be("shop");
        frontend["sent"]!.GetValue<bool>().Should().BeTrue();
        frontend["links"]!.AsArray().Select(Describe).Should().Equal(
            "backend: backend 3000 http http url API_URL",
            "postgres: postgres 5432 postgres postgresql url DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL");
        var web = frontend["containers"]!.AsArray().Should().ContainSingle().Subject!;
        web["name"]!.GetValue<string>().Should().Be("web");
        web["variables"]!.AsArray().Select(v => v!.ToJsonString()).Should().Equal(
            """{"name":"API_URL","value":"http://backend.internal:3000","link":"backend"}""",
            """{"name":"DATABASE_USER","secretKeyRef":{"name":"postgres-credentials","key":"username"},"link":"postgres"}""",
            """{"name":"DATABASE_PASSWORD","secretKeyRef":{"name":"postgres-credentials","key":"password"},"link":"postgres"}""",
            """{"name":"DATABASE_URL","value":"postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb","link":"postgres"}""");
        frontend["reasons"]!.AsArray().Should().BeEmpty();
        frontend["findings"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Text_output_lists_each_object_its_links_and_what_each_container_gets()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "-f", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be("""
            Deployment/backend in namespace shop (deploy/examples/shop/backend.yaml:17)
              sent to the mutating webhook: yes
              link postgres: Service postgres, port 5432 (postgres), protocol postgresql, form url: DATABASE_USER, DATABASE_PASSWORD, DATABASE_URL
              container api gets:
                DATABASE_USER from secretKeyRef postgres-credentials/username (link postgres)
                DATABASE_PASSWORD from secretKeyRef postgres-credentials/password (link postgres)
                DATABASE_URL=postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb (link postgres)
              labels: links.stackblaze.io/postgres=true (what link policies admit its pods by)

            Deployment/frontend in namespace shop (deploy/examples/shop/frontend.yaml:13)
              sent to the mutating webhook: yes
              link backend: Service backend, port 3000 (http), protocol http, form url: API_URL
              link postgres: Service postgres, port 5432 (postgres), protocol postgresql, form url: DATABASE_USER, DATABASE_PASSWORD, DATABASE_URL
              container web gets:
                API_URL=http://backend.internal:3000 (link backend)
                DATABASE_USER from secretKeyRef postgres-credentials/username (link postgres)
                DATABASE_PASSWORD from secretKeyRef postgres-credentials/password (link postgres)
                DATABASE_URL=postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb (link postgres)
              labels: links.stackblaze.io/backend=true, links.stackblaze.io/postgres=true (what link policies admit its pods by)

            """);
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Grpc_links_name_the_host_port_form_their_addr_variables_choose()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "deploy/cartservice", "-f", "deploy/examples/boutique", "-o", "json"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        Objects(result.Stdout).Single()["links"]!.AsArray().Select(Describe).Should().Equal("REDIS_ADDR=redis-cart: redis-cart 6379 tcp-redis redis host-port REDIS_ADDR");
    }

    [Fact]
    public async Task A_workload_that_asks_for_bindings_is_shown_each_bindings_files_and_the_secret_keys_they_come_from()
    {
        var fixture = RepositoryPaths.Fixture("Clients", "bindings-link.yaml");

        var json = await ProcessRunner.RunWebhookCommandAsync(["explain", "deploy/api", "-f", fixture, "-o", "json"]);
        var text = await ProcessRunner.RunWebhookCommandAsync(["explain", "deploy/api", "-f", fixture]);

        json.ExitCode.Should().Be(0, json.Stderr);
        var binding = Objects(json.Stdout).Single()["bindings"]!.AsArray().Should().ContainSingle().Subject!;
        binding["service"]!.GetValue<string>().Should().Be("postgres");
        binding["volume"]!.GetValue<string>().Should().Be("stackblaze-binding-postgres");
        binding["files"]!.AsArray().Select(f => f!["value"] is { } value ? $"{f["name"]}={value}" : $"{f["name"]}<-{f["secretKeyRef"]!["name"]}/{f["secretKeyRef"]!["key"]}")
            .Should().Equal(
                "type=postgresql", "provider=stackblaze", "host=postgres.internal", "port=5432", "database=mydb",
                "uri=postgresql://postgres.internal:5432/mydb", "username<-postgres-pguser-app/user", "password<-postgres-pguser-app/password");
        text.Stdout.Should().Contain(
            "  binding postgres at $SERVICE_BINDING_ROOT/postgres (volume stackblaze-binding-postgres): type=postgresql, provider=stackblaze, "
            + "host=postgres.internal, port=5432, database=mydb, uri=postgresql://postgres.internal:5432/mydb, "
            + "username from secret postgres-pguser-app/user, password from secret postgres-pguser-app/password\n");
    }

    [Fact]
    public async Task A_workload_that_does_not_ask_for_bindings_has_none()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "deploy/frontend", "-f", "deploy/examples/shop", "-o", "json"]);

        Objects(result.Stdout).Single()["bindings"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Namespace_without_the_project_label_is_not_sent_and_nothing_is_injected()
    {
        var pod = await ExplainAsync("po/in-scratch");

        pod["sent"]!.GetValue<bool>().Should().BeFalse();
        Reason(pod, "namespace-not-a-project")["message"]!.GetValue<string>().Should().Contain("no label stackblaze.io/project");
        Injected(pod).Should().BeEmpty();
    }

    [Fact]
    public async Task Kube_system_is_not_sent_even_with_the_project_label()
    {
        var pod = await ExplainAsync("pod/in-kube-system");

        pod["sent"]!.GetValue<bool>().Should().BeFalse();
        Reason(pod, "namespace-excluded")["message"]!.GetValue<string>().Should().Contain("kube-system, stackblaze-system");
        Codes(pod).Should().NotContain("namespace-not-a-project");
    }

    [Fact]
    public async Task Namespace_the_input_does_not_describe_is_explained_as_a_project_and_said_so()
    {
        var pod = await ExplainAsync("pods/in-unknown-namespace");

        pod["sent"]!.GetValue<bool>().Should().BeTrue();
        Reason(pod, "namespace-unknown")["message"]!.GetValue<string>().Should().Contain("--catalog");
        Codes(pod).Should().Contain("no-links");
    }

    [Fact]
    public async Task Workload_that_opts_out_has_its_pods_left_out_by_the_match_condition()
    {
        var deployment = await ExplainAsync("deployments/opted-out");

        deployment["sent"]!.GetValue<bool>().Should().BeFalse();
        Codes(deployment).Should().Equal("match-condition", "opted-out");
        Reason(deployment, "match-condition")["message"]!.GetValue<string>().Should().Contain("its pods").And.Contain("skip-pods-that-opt-out");
        Injected(deployment).Should().BeEmpty();
    }

    [Fact]
    public async Task Opt_out_in_capitals_is_sent_and_skipped_by_the_webhook_itself()
    {
        var pod = await ExplainAsync("Pod/opted-out-capitalised");

        pod["sent"]!.GetValue<bool>().Should().BeTrue("CEL compares \"False\" with \"false\" as different strings");
        Codes(pod).Should().Equal("opted-out");
        Injected(pod).Should().BeEmpty();
    }

    [Fact]
    public async Task Variable_the_container_sets_itself_is_kept_and_the_others_are_injected()
    {
        var pod = await ExplainAsync("po/sets-api-url");

        var reason = Reason(pod, "set-by-container");
        $"{reason["container"]} {reason["variable"]} {reason["link"]}".Should().Be("web API_URL backend");
        Injected(pod).Should().Equal("web DATABASE_USER", "web DATABASE_PASSWORD", "web DATABASE_URL");
    }

    [Fact]
    public async Task Url_that_refers_to_a_variable_the_container_sets_is_not_injected_there()
    {
        var pod = await ExplainAsync("po/sets-database-user");

        var reason = Reason(pod, "reference-set-by-container");
        reason["variable"]!.GetValue<string>().Should().Be("DATABASE_URL");
        reason["message"]!.GetValue<string>().Should().Contain("$(DATABASE_USER)");
        Injected(pod).Should().Equal("web DATABASE_PASSWORD");
    }

    [Fact]
    public async Task Containers_the_containers_annotation_does_not_name_get_nothing_and_are_named()
    {
        var pod = await ExplainAsync("po/with-sidecar");

        pod["reasons"]!.AsArray().Where(r => r!["code"]!.GetValue<string>() == "container-out-of-scope")
            .Select(r => r!["container"]!.GetValue<string>()).Should().Equal("migrate", "proxy");
        Injected(pod).Should().Equal("web API_URL");
    }

    [Fact]
    public async Task Unknown_service_lists_the_services_the_namespace_has_and_the_pod_is_denied()
    {
        var pod = await ExplainAsync("po/calls-payments");

        var reason = Reason(pod, "unknown-service");
        reason["link"]!.GetValue<string>().Should().Be("payments");
        reason["services"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("backend", "frontend", "postgres");
        Reason(pod, "denied")["message"]!.GetValue<string>().Should().Contain("has no service \"payments\"");
        pod["links"]!.AsArray().Select(l => l!["error"] is null).Should().Equal(true, false);
        Injected(pod).Should().BeEmpty("the webhook denies a pod whose links do not all resolve");
    }

    [Fact]
    public async Task Port_the_service_does_not_have_is_a_link_error_with_its_ports()
    {
        var pod = await ExplainAsync("po/wrong-port");

        Reason(pod, "link-error")["message"]!.GetValue<string>().Should().EndWith("its ports are 3000 (http)");
        Codes(pod).Should().Contain("denied");
    }

    [Fact]
    public async Task Workload_without_a_pod_template_is_explained_as_the_denial_it_gets()
    {
        var cronJob = await ExplainAsync("cj/no-template");

        Reason(cronJob, "invalid-object")["message"]!.GetValue<string>().Should().Contain("spec.jobTemplate.spec.template is missing");
        cronJob["findings"]!.AsArray().Should().ContainSingle().Which!["severity"]!.GetValue<string>().Should().Be("error");
    }

    [Fact]
    public async Task Kind_no_rule_names_is_not_sent_and_its_links_are_never_read()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "-f", Reasons, "--catalog", "deploy/examples/shop", "-o", "json"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var rollout = Objects(result.Stdout).Should().ContainSingle(o => o["kind"]!.GetValue<string>() == "Rollout").Subject;
        rollout["sent"]!.GetValue<bool>().Should().BeFalse();
        Reason(rollout, "kind-not-sent")["message"]!.GetValue<string>().Should().Contain("apps/deployments").And.Contain("batch/cronjobs");
    }

    [Fact]
    public async Task Public_url_findings_are_explained_without_failing_the_command()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "deploy/report-worker", "-f", "deploy/examples/shop-public-urls", "--catalog", "deploy/examples/shop", "-o", "json"]);

        result.ExitCode.Should().Be(0, "explain explains; check gates");
        var worker = Objects(result.Stdout).Single();
        worker["findings"]!.AsArray().Select(f => $"{f!["severity"]} {f["subject"]} {f["service"]}").Should().Equal(
            "error ORDERS_API backend", "error BACKEND_HOST (ConfigMap report-worker) backend", "error args[1] frontend");
        Codes(worker).Should().Equal("no-links");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Secret_values_are_never_printed_only_their_references(string format)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "-f", RepositoryPaths.Fixture("Explain", "secret-values.yaml"), "--catalog", "deploy/examples/shop", "-o", format]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var output = result.Stdout + result.Stderr;
        output.Should().Contain("postgres-credentials").And.Contain("api.shop.example.com", "the call to a public URL is reported");
        foreach (var secret in new[] { "shop-owner-7c41", "Tr0ub4dor-and-3-horses", "c3VwZXItc2VjcmV0LXRva2VuLTk5MQ==", "super-secret-token-991" })
        {
            output.Should().NotContain(secret);
        }
    }

    private static async Task<JsonObject> ExplainAsync(string target)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", target, "-f", Reasons, "--catalog", "deploy/examples/shop", "-o", "json"]);
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().BeEmpty();
        return Objects(result.Stdout).Should().ContainSingle().Subject;
    }

    private static IReadOnlyList<JsonObject> Objects(string json) => [.. JsonNode.Parse(json)!["objects"]!.AsArray().Select(o => o!.AsObject())];

    private static IEnumerable<string> Codes(JsonObject explained) => explained["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>());

    private static JsonObject Reason(JsonObject explained, string code) =>
        explained["reasons"]!.AsArray().Should().ContainSingle(r => r!["code"]!.GetValue<string>() == code).Subject!.AsObject();

    /// <summary>"container VARIABLE" for each variable each container gets.</summary>
    private static IEnumerable<string> Injected(JsonObject explained) =>
        explained["containers"]!.AsArray().SelectMany(c => c!["variables"]!.AsArray().Select(v => $"{c["name"]} {v!["name"]}"));

    private static string Describe(JsonNode? link) => link!["error"] is { } error
        ? $"{link["link"]}: {error}"
        : $"{link["link"]}: {link["service"]} {link["port"]} {link["portName"]} {link["protocol"]} {link["form"]} "
            + string.Join(',', link["variables"]!.AsArray().Select(v => v!.GetValue<string>()));
}
