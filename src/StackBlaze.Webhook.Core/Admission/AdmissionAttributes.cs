using System.Text.Json;

namespace StackBlaze.Webhook.Core.Admission;

/// <summary>
/// What a handler needs of an admission request, free of the wire format. The objects are views
/// into the parsed review, not copies: they are valid only until the handler returns, when the
/// host gives the review's buffers back. Nothing that outlives the review (a verdict, its
/// effects, a cache) may keep one; read what is needed into strings or nodes.
/// </summary>
/// <param name="Uid">The request's uid, for logs.</param>
/// <param name="Group">The object's API group, "" for the core group.</param>
/// <param name="Kind">The object's kind.</param>
/// <param name="Operation">What the request does to the object.</param>
/// <param name="Namespace">The request's namespace: pods made by controllers have none in their own metadata.</param>
/// <param name="Name">The object's name, when it has one yet.</param>
/// <param name="ObjectJson">The object as sent, when the operation has one; valid only during the review.</param>
/// <param name="DryRun">Whether nothing will be persisted; answers are the same either way.</param>
/// <param name="OldObjectJson">On UPDATE, the object as it was; valid only during the review.</param>
/// <param name="UserName">Who the API server authenticated as making the request, when it says.</param>
/// <param name="SubResource">The subresource asked for (<c>ephemeralcontainers</c>, <c>status</c>...), "" for the object itself.</param>
public sealed record AdmissionAttributes(
    string Uid,
    string Group,
    string Kind,
    Operation Operation,
    string Namespace,
    string? Name,
    JsonElement? ObjectJson,
    bool DryRun,
    JsonElement? OldObjectJson = null,
    string? UserName = null,
    string SubResource = "");
