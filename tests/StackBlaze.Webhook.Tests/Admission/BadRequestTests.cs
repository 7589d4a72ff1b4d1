using System.Net;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>Malformed requests get a status and a one-line reason, never a stack trace, and the server carries on.</summary>
public sealed class BadRequestTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private readonly HttpClient _client = server.Client;

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "not json at all", "not a valid AdmissionReview" },
        { "", "not a valid AdmissionReview" },
        { "[1, 2]", "not a valid AdmissionReview" },
        { """{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE"}}""", "apiVersion must be admission.k8s.io/v1" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"Pod"}""", "kind must be AdmissionReview" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "the review has no request" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"kind":"Pod"},"operation":"CREATE"}}""", "request.uid is missing" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":42}}""", "not a valid AdmissionReview" },
        // Found by HostileReviewTests: a null kind was a NullReferenceException and a 500.
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":null,"operation":"CREATE"}}""", "request.kind is missing" },
        // Found by HostileReviewTests: half a surrogate pair made the domain throw while reading the object.
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","namespace":"shop","object":{"metadata":{"annotations":{"stackblaze.io/links":"a\ud800"}},"spec":{}}}}""", "request.object holds a string that is not valid Unicode" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"UPDATE","oldObject":{"a":"\udc00"}}}""", "request.oldObject holds a string that is not valid Unicode" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"a","uid":"b"}}""", "not a valid AdmissionReview" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":"pod"}""", "not a valid AdmissionReview: request must be an object, not a string" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","dryRun":"yes"}}""", "dryRun must be true or false, not a string" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":{"a":1,"a":2}}}""", "not a valid AdmissionReview" },
        { "null", "the body is not an AdmissionReview" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_review_is_400_with_a_one_line_reason(string body, string reason)
    {
        var answer = await _client.PostAsync("/mutate", Reviews.Json(body));

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await ShouldBeOneLineReason(answer, reason);
        await ServerStillAnswers();
    }

    [Fact]
    public async Task Body_over_3_MiB_is_413()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        review.PodAnnotations()["padding"] = new string('x', 3 * 1024 * 1024);

        // Expect: 100-continue lets the server refuse before the body is sent, instead of racing the
        // client's writes against the connection close that follows a 413.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mutate") { Content = Reviews.Json(review.ToJsonString()) };
        request.Headers.ExpectContinue = true;
        var answer = await _client.SendAsync(request);

        answer.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeOneLineReason(answer, "too large");
        await ServerStillAnswers();
    }

    [Fact]
    public async Task Wrong_method_is_405_and_unknown_path_is_404()
    {
        var get = await _client.GetAsync("/mutate");
        get.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        await ShouldBeOneLineReason(get, "POST /mutate");

        var post = await _client.PostAsync("/validate-nothing", Reviews.Json("{}"));
        post.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await ShouldBeOneLineReason(post, "POST /mutate");
    }

    private static async Task ShouldBeOneLineReason(HttpResponseMessage answer, string reason)
    {
        var text = await answer.Content.ReadAsStringAsync();
        text.Should().Contain(reason, because: "the reason is what an operator reads");
        text.TrimEnd('\n').Should().NotContain("\n");
        text.Should().NotContain(" at StackBlaze", because: "no stack trace ever reaches a client");
    }

    private async Task ServerStillAnswers()
    {
        var response = await (await _client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();
        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response.DecodedPatch().AsArray().Should().HaveCount(7);
    }
}
