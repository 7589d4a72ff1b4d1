using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Injection;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Injection;

/// <summary>The forms drivers and operators' Secrets need: username, password, database, libpq's variables and a Secret's own URI.</summary>
public class LinkPlannerCredentialFormTests
{
    private static readonly StaticProjectCatalog Databases = CatalogOf(
        Postgres,
        // As CloudNativePG's <cluster>-app Secret: its uri is encoded already.
        With("cnpg", Port(5432, "postgres")) with { CredentialsSecret = "cnpg-app", CredentialsKeys = "uri=uri", Database = "app" },
        // CloudNativePG's read-only Service of the same cluster: the same Secret.
        With("cnpg-ro", Port(5432, "postgres")) with { CredentialsSecret = "cnpg-app", CredentialsKeys = "uri=uri", Database = "app" },
        // As Crunchy PGO's <cluster>-pguser-<user> Secret.
        With("crunchy", Port(5432, "postgres")) with { CredentialsSecret = "crunchy-pguser-app", CredentialsKeys = "username=user" },
        With("cache", Port(6379, "tcp-redis")),
        // A PostgreSQL Service whose links give libpq's set unless they name a variable.
        With("reports", Port(5432, "postgres")) with { EnvName = "PG*", Database = "reports" },
        With("broken", Port(5432)) with { CredentialsSecret = "broken", CredentialsKeys = "login=user" });

    [Fact]
    public void User_password_and_database_names_give_references_and_the_name_drivers_read_unencoded()
    {
        Describe("DB_USER=postgres, DB_PASSWORD=postgres, DB_NAME=postgres, DB_HOST=postgres, DB_PORT=postgres").Should().Equal(
            "DB_USER<-postgres-credentials/username",
            "DB_PASSWORD<-postgres-credentials/password",
            "DB_NAME=mydb",
            "DB_HOST=postgres.internal",
            "DB_PORT=5432");
    }

    [Theory]
    [InlineData("ORDERS_USERNAME=crunchy", "ORDERS_USERNAME<-crunchy-pguser-app/user")]
    [InlineData("ORDERS_PASSWORD=crunchy", "ORDERS_PASSWORD<-crunchy-pguser-app/password")]
    [InlineData("ORDERS_DATABASE=cnpg", "ORDERS_DATABASE=app")]
    [InlineData("ORDERS_DBNAME=cnpg", "ORDERS_DBNAME=app")]
    [InlineData("ORDERS_DB_NAME=cnpg", "ORDERS_DB_NAME=app")]
    public void Every_ending_of_a_form_follows_the_services_keys(string annotation, string expected)
    {
        Describe(annotation).Should().Equal(expected);
    }

    [Fact]
    public void A_secret_with_a_uri_gives_the_url_whole_with_no_companions()
    {
        Describe("cnpg").Should().Equal("DATABASE_URL<-cnpg-app/uri");
    }

    [Fact]
    public void Companions_of_a_uri_come_when_asked_for_by_name()
    {
        Describe("cnpg, DATABASE_USER=cnpg, DATABASE_PASSWORD=cnpg").Should().Equal(
            "DATABASE_URL<-cnpg-app/uri",
            "DATABASE_USER<-cnpg-app/username",
            "DATABASE_PASSWORD<-cnpg-app/password");
    }

    [Fact]
    public void A_composed_url_reads_the_keys_the_service_names()
    {
        Describe("crunchy").Should().Equal(
            "DATABASE_USER<-crunchy-pguser-app/user",
            "DATABASE_PASSWORD<-crunchy-pguser-app/password",
            "DATABASE_URL=postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@crunchy.internal:5432");
    }

    [Fact]
    public void Libpq_names_work_as_explicit_entries()
    {
        Describe("PGHOST=postgres, PGPORT=postgres, PGDATABASE=postgres, PGUSER=postgres, PGPASSWORD=postgres").Should().Equal(
            "PGHOST=postgres.internal",
            "PGPORT=5432",
            "PGDATABASE=mydb",
            "PGUSER<-postgres-credentials/username",
            "PGPASSWORD<-postgres-credentials/password");
    }

    [Fact]
    public void One_short_entry_gives_the_whole_libpq_set()
    {
        Describe("PG*=postgres").Should().Equal(Describe("PGHOST=postgres, PGPORT=postgres, PGDATABASE=postgres, PGUSER=postgres, PGPASSWORD=postgres"));
    }

    [Fact]
    public void The_libpq_set_gives_what_the_service_has()
    {
        Describe("PG*=crunchy").Should().Equal(
            "PGHOST=crunchy.internal",
            "PGPORT=5432",
            "PGUSER<-crunchy-pguser-app/user",
            "PGPASSWORD<-crunchy-pguser-app/password");
        Describe("PG*=cache").Should().Equal("PGHOST=cache.internal", "PGPORT=6379");
    }

    [Fact]
    public void The_libpq_set_takes_a_port_like_any_entry()
    {
        Describe("PG*=postgres:5432").Should().Equal(Describe("PG*=postgres"));
    }

    [Theory]
    [InlineData("DATABASE_URL=postgres, DATABASE_USER=postgres", "DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL")]
    [InlineData("DATABASE_USER=postgres, DATABASE_URL=postgres", "DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL")]
    [InlineData("DATABASE_PASSWORD=postgres, DATABASE_URL=postgres", "DATABASE_PASSWORD,DATABASE_USER,DATABASE_URL")]
    [InlineData("PG*=postgres, PGHOST=postgres", "PGHOST,PGPORT,PGDATABASE,PGUSER,PGPASSWORD")]
    public void A_variable_two_links_give_the_same_value_is_given_once_before_what_refers_to_it(string annotation, string names)
    {
        var plan = LinkPlanner.Plan(annotation, Namespace, Databases);

        plan.Errors.Should().BeEmpty();
        plan.JoinedNames.Should().Be(names);
    }

    [Fact]
    public void A_service_may_give_the_libpq_set_to_its_links_by_default()
    {
        Describe("reports").Should().Equal("PGHOST=reports.internal", "PGPORT=5432", "PGDATABASE=reports");
        Describe("REPORTS_URL=reports").Should().Equal("REPORTS_URL=postgresql://reports.internal:5432/reports");
    }

    [Fact]
    public void Two_libpq_sets_are_told_to_link_the_other_service_by_names_of_its_own()
    {
        var plan = LinkPlanner.Plan("PG*=postgres, PG*=crunchy", Namespace, Databases);

        plan.Errors.Should().ContainSingle().Which.Should().EndWith(
            "; a pod has one set of libpq's variables; link \"crunchy\" by names of its own, as \"NAME=crunchy\"");
    }

    [Fact]
    public void A_variable_two_links_give_different_values_is_still_a_clash()
    {
        var plan = LinkPlanner.Plan("PG*=postgres, PGHOST=cache", Namespace, Databases);

        plan.Errors.Should().ContainSingle().Which.Should().Be(
            "links \"PG*=postgres\" and \"PGHOST=cache\" would both set PGHOST; give them different names");
    }

    [Theory]
    [InlineData("cnpg, cnpg-ro", "links \"cnpg\" and \"cnpg-ro\" would both set DATABASE_URL; name one explicitly, e.g. \"CNPG_RO_URL=cnpg-ro\"")]
    [InlineData("DB_PORT=postgres, DB_PORT=cnpg", "links \"DB_PORT=postgres\" and \"DB_PORT=cnpg\" would both set DB_PORT; give them different names")]
    public void Two_services_that_give_one_variable_the_same_value_still_clash(string annotation, string error)
    {
        var plan = LinkPlanner.Plan(annotation, Namespace, Databases);

        plan.Errors.Should().Equal(error);
    }

    [Theory]
    [InlineData("DB_USER=cache", "link \"DB_USER=cache\": DB_USER is a username, but service \"cache\" has no stackblaze.io/credentials-secret; add it, or link another form")]
    [InlineData("PGPASSWORD=cache", "link \"PGPASSWORD=cache\": PGPASSWORD is a password, but service \"cache\" has no stackblaze.io/credentials-secret; add it, or link another form")]
    [InlineData("DB_NAME=crunchy", "link \"DB_NAME=crunchy\": DB_NAME is a database name, but service \"crunchy\" has no stackblaze.io/database; add it, or link another form")]
    [InlineData("broken", "link \"broken\": service \"broken\" has annotation stackblaze.io/credentials-keys with the role \"login\"; the roles are username, password and uri")]
    [InlineData("DB_HOST=broken", "link \"DB_HOST=broken\": service \"broken\" has annotation stackblaze.io/credentials-keys with the role \"login\"; the roles are username, password and uri")]
    public void A_form_the_service_cannot_fill_denies_the_link_with_the_reason(string annotation, string error)
    {
        var plan = LinkPlanner.Plan(annotation, Namespace, Databases);

        plan.Errors.Should().Equal(error);
        plan.Variables.Should().BeEmpty();
    }

    [Fact]
    public void A_form_the_service_cannot_fill_quotes_a_long_variable_name_cut_short()
    {
        var name = string.Concat(Enumerable.Repeat("LONG_", 2000)) + "USER";

        var plan = LinkPlanner.Plan($"{name}=cache", Namespace, Databases);

        plan.Errors.Should().ContainSingle().Which.Should().NotContain(name)
            .And.EndWith("… is a username, but service \"cache\" has no stackblaze.io/credentials-secret; add it, or link another form");
    }

    [Theory]
    [InlineData("pg*=postgres")]
    [InlineData("PG**=postgres")]
    [InlineData("*=postgres")]
    [InlineData("PG* =postgres:x y")]
    public void Only_PG_star_spells_the_set(string annotation)
    {
        LinkPlanner.Plan(annotation, Namespace, Databases).Errors.Should().ContainSingle().Which.Should().Contain("is not of the form");
    }

    private static List<string> Describe(string annotation)
    {
        var plan = LinkPlanner.Plan(annotation, Namespace, Databases);
        plan.Errors.Should().BeEmpty();
        return [.. plan.Variables.Select(v => v.SecretName is null ? $"{v.Name}={v.Value}" : $"{v.Name}<-{v.SecretName}/{v.SecretKey}")];
    }
}
