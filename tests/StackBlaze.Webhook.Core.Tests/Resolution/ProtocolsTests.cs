using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Resolution;

public class ProtocolsTests
{
    [Theory]
    [InlineData("postgresql", "postgresql")]
    [InlineData("kubernetes.io/h2c", "http")]
    [InlineData("kubernetes.io/ws", "ws")]
    [InlineData("HTTPS", "https")]
    [InlineData("mongo", "mongodb")]
    public void App_protocol_wins_over_port_name_and_number(string appProtocol, string expected)
    {
        Protocols.SchemeOf(Port(6379, "grpc-api", appProtocol)).Should().Be(expected);
    }

    [Fact]
    public void App_protocol_that_is_not_a_scheme_falls_back_to_the_port_name()
    {
        Protocols.SchemeOf(Port(80, "redis", "example.com/not a scheme")).Should().Be("redis");
    }

    [Theory]
    [InlineData("http-web", "http")]
    [InlineData("http", "http")]
    [InlineData("grpc-api", "grpc")]
    [InlineData("grpc-web", "http")]
    [InlineData("redis", "redis")]
    [InlineData("redis-cache", "redis")]
    [InlineData("mongo", "mongodb")]
    [InlineData("postgres", "postgresql")]
    [InlineData("mysql", "mysql")]
    [InlineData("amqp", "amqp")]
    public void Port_name_prefix_gives_the_protocol_as_Istio_reads_it(string portName, string expected)
    {
        Protocols.SchemeOf(Port(5432, portName)).Should().Be(expected);
    }

    [Theory]
    [InlineData("tcp-postgresql", "postgresql")]
    [InlineData("tcp-postgres", "postgresql")]
    [InlineData("tcp-pg", "postgresql")]
    [InlineData("tcp-redis", "redis")]
    [InlineData("tcp-mysql", "mysql")]
    [InlineData("tcp-mariadb", "mysql")]
    [InlineData("tls-mongodb", "mongodb")]
    [InlineData("tcp-rabbitmq", "amqp")]
    [InlineData("tcp-amqp-main", "amqp")]
    public void A_transport_prefix_leaves_the_protocol_to_the_rest_of_the_name(string portName, string expected)
    {
        // 9999: no well-known port to fall back on, so only the name can have said it.
        Protocols.SchemeOf(Port(9999, portName)).Should().Be(expected);
    }

    [Theory]
    [InlineData("tcp", 5432, "postgresql")]
    [InlineData("tcp", 6379, "redis")]
    [InlineData("tcp-primary", 3306, "mysql")]
    [InlineData("tcp", 9999, "tcp")]
    [InlineData("tcp-primary", 9999, "tcp")]
    [InlineData("udp-dns", 9999, "udp")]
    [InlineData("tls", 9999, "tls")]
    public void A_transport_alone_leaves_the_protocol_to_the_well_known_port_else_is_the_scheme(string portName, int port, string expected)
    {
        Protocols.SchemeOf(Port(port, portName)).Should().Be(expected);
    }

    [Theory]
    [InlineData("tcp", "postgres", 9999, "postgresql")]
    [InlineData("TCP", "web", 5432, "postgresql")]
    [InlineData("kubernetes.io/tcp", null, 9999, "tcp")]
    [InlineData("tls", "tcp-redis", 9999, "redis")]
    public void A_transport_app_protocol_names_no_application_protocol_so_the_port_name_or_number_decides(
        string appProtocol, string? portName, int port, string expected)
    {
        Protocols.SchemeOf(Port(port, portName, appProtocol)).Should().Be(expected);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("postgresql")]
    [InlineData("pg")]
    [InlineData("mongo")]
    [InlineData("mariadb")]
    [InlineData("rabbitmq")]
    public void A_whole_name_that_is_an_alias_counts_on_any_port(string portName)
    {
        Protocols.SchemeOf(Port(80, portName)).Should().Be(Protocols.SchemeOf(Port(9999, portName))).And.NotBe("http");
    }

    [Theory]
    [InlineData(5432, "postgresql")]
    [InlineData(3306, "mysql")]
    [InlineData(6379, "redis")]
    [InlineData(27017, "mongodb")]
    [InlineData(5672, "amqp")]
    public void Well_known_port_gives_the_protocol_when_name_says_nothing(int port, string expected)
    {
        Protocols.SchemeOf(Port(port)).Should().Be(expected);
        Protocols.SchemeOf(Port(port, "web")).Should().Be(expected);
    }

    [Theory]
    [InlineData(3000, null)]
    [InlineData(8080, "web")]
    [InlineData(9090, "-metrics")]
    public void Anything_else_is_http(int port, string? name)
    {
        Protocols.SchemeOf(Port(port, name)).Should().Be("http");
    }

    [Theory]
    [InlineData("postgresql", "DATABASE_URL")]
    [InlineData("mysql", "DATABASE_URL")]
    [InlineData("redis", "REDIS_URL")]
    [InlineData("mongodb", "MONGODB_URL")]
    [InlineData("amqp", "AMQP_URL")]
    public void Data_protocols_have_a_default_variable_name(string scheme, string expected)
    {
        Protocols.DefaultEnvName(scheme).Should().Be(expected);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    [InlineData("tcp")]
    public void Other_protocols_have_no_default_variable_name(string scheme)
    {
        Protocols.DefaultEnvName(scheme).Should().BeNull();
    }
}
