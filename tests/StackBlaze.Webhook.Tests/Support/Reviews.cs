using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>AdmissionReview fixtures, and sending them as the API server does.</summary>
internal static class Reviews
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("Reviews", name)))!.AsObject();

    public static JsonNode LoadPatch(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("Reviews", name)))!;

    public static JsonObject Request(this JsonObject review) => review["request"]!.AsObject();

    /// <summary>The review as an UPDATE whose old object is the object as it is.</summary>
    public static JsonObject AsUpdateOfItself(this JsonObject review)
    {
        review.Request()["operation"] = "UPDATE";
        review.Request()["oldObject"] = review.Request()["object"]!.DeepClone();
        return review;
    }

    public static JsonObject PodAnnotations(this JsonObject review) => review.Request()["object"]!["metadata"]!["annotations"]!.AsObject();

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, JsonNode review) =>
        client.PostAsync(path, Json(review.ToJsonString()));

    public static StringContent Json(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The <c>response</c> of a 200 answer.</summary>
    public static async Task<JsonObject> ReadResponseAsync(this HttpResponseMessage answer)
    {
        answer.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var review = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
        review["apiVersion"]!.GetValue<string>().Should().Be("admission.k8s.io/v1");
        review["kind"]!.GetValue<string>().Should().Be("AdmissionReview");
        return review["response"]!.AsObject();
    }

    /// <summary>The decoded JSON Patch of a response.</summary>
    public static JsonNode DecodedPatch(this JsonObject response)
    {
        response["patchType"]!.GetValue<string>().Should().Be("JSONPatch");
        return JsonNode.Parse(Convert.FromBase64String(response["patch"]!.GetValue<string>()))!;
    }

    /// <summary>The review's object with the response's patch applied by a library we did not write, as the API server would.</summary>
    public static JsonNode Patched(this JsonObject review, JsonObject response) =>
        IndependentJsonPatch.Apply(review.Request()["object"]!, response.DecodedPatch().ToJsonString());
}
