using System.Text.Json.Serialization;

namespace StackBlaze.Webhook.Admission;

/// <summary>Source-generated (de)serialization of the wire format: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    // A review that says two things for one field is malformed, not last-one-wins.
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(AdmissionReview))]
internal sealed partial class AdmissionJsonContext : JsonSerializerContext;
