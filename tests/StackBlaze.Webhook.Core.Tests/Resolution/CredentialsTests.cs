using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Resolution;

public class CredentialsTests
{
    private static readonly ServiceEntry Database = With("postgres", Port(5432)) with { CredentialsSecret = "postgres-credentials" };

    [Fact]
    public void A_service_without_a_secret_has_no_credentials()
    {
        Credentials.TryRead(With("postgres", Port(5432)), out var credentials).Should().BeNull();

        credentials.Should().BeNull();
    }

    [Fact]
    public void Without_keys_the_secret_is_read_at_username_and_password()
    {
        Credentials.TryRead(Database, out var credentials).Should().BeNull();

        credentials.Should().Be(new Credentials("postgres-credentials", "username", "password", null));
    }

    [Theory]
    // CloudNativePG's <cluster>-app Secret: username, password and a ready, encoded uri.
    [InlineData("uri=uri", "username", "password", "uri")]
    // Crunchy PGO's <cluster>-pguser-<user> Secret names its username "user".
    [InlineData("username=user, uri=uri", "user", "password", "uri")]
    [InlineData(" password = pass.word ,, username=u-1_x ", "u-1_x", "pass.word", null)]
    public void Keys_name_the_roles_they_give_and_the_others_keep_their_default(string keys, string username, string password, string? uri)
    {
        Credentials.TryRead(Database with { CredentialsKeys = keys }, out var credentials).Should().BeNull();

        credentials.Should().Be(new Credentials("postgres-credentials", username, password, uri));
    }

    [Theory]
    [InlineData("uri", "has annotation stackblaze.io/credentials-keys with \"uri\", which is not role=key with a Secret key")]
    [InlineData("uri=", "with \"uri=\", which is not role=key")]
    [InlineData("uri=a/b", "with \"uri=a/b\", which is not role=key")]
    [InlineData("uri=..data", "with \"uri=..data\", which is not role=key")]
    [InlineData("uri=.", "with \"uri=.\", which is not role=key")]
    [InlineData("host=host", "with the role \"host\"; the roles are username, password and uri")]
    [InlineData("Username=user", "with the role \"Username\"; the roles are username, password and uri")]
    [InlineData("uri=uri,uri=jdbc-uri", "naming the role uri twice")]
    public void Keys_that_cannot_be_read_are_refused_naming_what_is_wrong(string keys, string reason)
    {
        Credentials.TryRead(Database with { CredentialsKeys = keys }, out var credentials).Should().Contain(reason);

        credentials.Should().BeNull();
    }

    [Fact]
    public void A_key_longer_than_a_secret_key_may_be_is_refused()
    {
        Credentials.TryRead(Database with { CredentialsKeys = "uri=" + new string('k', 254) }, out _)
            .Should().Contain("which is not role=key with a Secret key (letters, digits, '-', '_' and '.', at most 253)");
        Credentials.TryRead(Database with { CredentialsKeys = "uri=" + new string('k', 253) }, out _).Should().BeNull();
    }

    [Fact]
    public void A_keys_annotation_past_its_length_is_refused_unread()
    {
        var keys = string.Join(',', Enumerable.Repeat("uri=uri", 1000));

        Credentials.TryRead(Database with { CredentialsKeys = keys }, out _)
            .Should().Be($"has annotation stackblaze.io/credentials-keys of {keys.Length} characters; at most 1024 are allowed");
    }

    [Fact]
    public void Keys_without_a_secret_are_refused_rather_than_ignored()
    {
        Credentials.TryRead(With("postgres", Port(5432)) with { CredentialsKeys = "uri=uri" }, out _).Should().Be(
            "has annotation stackblaze.io/credentials-keys but no stackblaze.io/credentials-secret; name the Secret or remove the keys");
    }

    [Theory]
    [InlineData("Postgres-Credentials")]
    [InlineData("pg_credentials")]
    [InlineData("-credentials")]
    [InlineData("a..b")]
    public void A_secret_name_the_api_server_would_refuse_in_a_pod_is_refused_here(string secret)
    {
        Credentials.TryRead(Database with { CredentialsSecret = secret }, out _)
            .Should().Contain("which is not a Secret name (a DNS subdomain)");
    }

    [Fact]
    public void A_secret_name_with_dots_is_a_secret_name()
    {
        Credentials.TryRead(Database with { CredentialsSecret = "shop.postgres.app" }, out var credentials).Should().BeNull();

        credentials!.Secret.Should().Be("shop.postgres.app");
    }

    [Fact]
    public void A_secret_name_whose_part_is_longer_than_a_dns_label_is_a_secret_name_as_the_api_server_reads_it()
    {
        // IsDNS1123Subdomain bounds the whole name at 253, not each part at 63.
        var secret = new string('a', 64) + ".app";

        Credentials.TryRead(Database with { CredentialsSecret = secret }, out var credentials).Should().BeNull();

        credentials!.Secret.Should().Be(secret);
    }
}
