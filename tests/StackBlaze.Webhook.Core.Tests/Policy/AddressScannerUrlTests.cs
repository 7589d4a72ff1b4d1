using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

public class AddressScannerUrlTests
{
    [Fact]
    public void Url_keeps_its_path_query_and_fragment_as_the_rest()
    {
        var mention = AddressScanner.Scan("https://api.shop.example.com/v1/orders?status=open#top").Should().ContainSingle().Subject;

        mention.Should().Be(new AddressMention(
            "https://api.shop.example.com/v1/orders?status=open#top", "api.shop.example.com", false, "/v1/orders?status=open#top", true));
        mention.Path.Should().Be("/v1/orders");
    }

    [Theory]
    [InlineData("Orders live at https://api.shop.example.com.", "https://api.shop.example.com")]
    [InlineData("see https://api.shop.example.com/v1, then retry", "https://api.shop.example.com/v1")]
    public void Prose_punctuation_after_a_url_is_not_part_of_it(string value, string url)
    {
        var mention = AddressScanner.Scan(value).Should().ContainSingle().Subject;

        mention.Text.Should().Be(url);
        mention.Host.Should().Be("api.shop.example.com");
    }

    [Fact]
    public void Bare_host_at_the_end_of_a_sentence_is_found()
    {
        AddressScanner.Scan("Orders go to api.shop.example.com.").Select(m => m.Host).Should().Equal("api.shop.example.com");
    }

    [Fact]
    public void Url_host_is_lower_cased_but_its_text_is_kept_as_written()
    {
        var mention = AddressScanner.Scan("HTTPS://API.Shop.Example.com/Users").Should().ContainSingle().Subject;

        mention.Host.Should().Be("api.shop.example.com");
        mention.Text.Should().Be("HTTPS://API.Shop.Example.com/Users");
        mention.Rest.Should().Be("/Users");
    }

    [Fact]
    public void Userinfo_is_not_taken_for_the_host()
    {
        var mention = AddressScanner.Scan("postgresql://app:s3cr%40t@db.shop.example.com:5432/mydb").Should().ContainSingle().Subject;

        mention.Host.Should().Be("db.shop.example.com");
        mention.HasPort.Should().BeTrue();
        mention.Rest.Should().Be("/mydb");
    }

    [Theory]
    [InlineData("http://api.shop.example.com:8080", true, "", "/")]
    [InlineData("http://api.shop.example.com", false, "", "/")]
    [InlineData("https://api.shop.example.com?page=2", false, "?page=2", "/")]
    [InlineData("https://api.shop.example.com:443#top", true, "#top", "/")]
    public void Url_port_and_an_empty_path(string value, bool hasPort, string rest, string path)
    {
        var mention = AddressScanner.Scan(value).Should().ContainSingle().Subject;

        mention.Host.Should().Be("api.shop.example.com");
        mention.HasPort.Should().Be(hasPort);
        mention.Rest.Should().Be(rest);
        mention.Path.Should().Be(path);
    }

    [Fact]
    public void Url_after_a_jdbc_prefix_is_found_by_its_inner_scheme()
    {
        AddressScanner.Scan("jdbc:postgresql://db.shop.example.com/mydb").Select(m => (m.Text, m.Host))
            .Should().Equal(("postgresql://db.shop.example.com/mydb", "db.shop.example.com"));
    }

    [Fact]
    public void Url_ends_at_a_quote()
    {
        AddressScanner.Scan("""{"upstream":"https://api.shop.example.com/v1"}""").Select(m => m.Text)
            .Should().Equal("https://api.shop.example.com/v1");
    }

    [Theory]
    [InlineData("https://api.shop.example.com./v1/orders", "/v1/orders")]
    [InlineData("https://API.shop.example.com.:443/v1", "/v1")]
    public void Fully_qualified_url_host_with_its_final_dot_is_the_same_host(string value, string path)
    {
        var mention = AddressScanner.Scan(value).Should().ContainSingle().Subject;

        mention.Host.Should().Be("api.shop.example.com");
        mention.Path.Should().Be(path);
    }

    [Theory]
    [InlineData("api.shop.example.com.:443")]
    [InlineData("--upstream=api.shop.example.com.")]
    [InlineData("api.shop.example.com./v1")]
    [InlineData("dns:///api.shop.example.com.:443")]
    [InlineData("dns:api.shop.example.com.")]
    public void Fully_qualified_bare_host_with_its_final_dot_is_the_same_host(string value)
    {
        AddressScanner.Scan(value).Select(m => m.Host).Should().Equal("api.shop.example.com");
    }
}
