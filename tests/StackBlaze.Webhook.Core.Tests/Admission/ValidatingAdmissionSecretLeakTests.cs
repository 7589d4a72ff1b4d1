using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>Secrets a denial still quotes (issue 14 attack review, point 5).</summary>
public class ValidatingAdmissionSecretLeakTests
{
    private const string Secret = "ghp_s3cr3tT0ken";

    private static AdmissionVerdict Validate(string value) =>
        new ValidatingAdmission(Project()).Review(Reviews.Pod(Pods.Element(Pod("GIT_REMOTE", value))));

    [Theory]
    [InlineData("https://" + Secret + ":@api.shop.example.com/repo.git")]
    [InlineData("https://" + Secret + ":x-oauth-basic@api.shop.example.com/repo.git")]
    public void Token_written_as_the_user_name_is_not_quoted(string value)
    {
        var outcome = Validate(value);

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().NotContain(Secret);
    }

    [Theory]
    [InlineData("https://api.shop.example.com/v1?jwt=" + Secret)]
    [InlineData("https://api.shop.example.com/v1?user=shop&pass=" + Secret)]
    [InlineData("https://api.shop.example.com/v1?pw=" + Secret)]
    public void Query_parameters_named_for_secrets_outside_the_word_list_are_not_quoted(string value)
    {
        var outcome = Validate(value);

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().NotContain(Secret);
    }
}
