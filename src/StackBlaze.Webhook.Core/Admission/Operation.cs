namespace StackBlaze.Webhook.Core.Admission;

/// <summary>What an admission request does to its object; the API server names them CREATE, UPDATE, DELETE and CONNECT.</summary>
public enum Operation
{
    /// <summary>Any other name: none the API server sends today, and nothing either webhook reviews.</summary>
    Other,
    Create,
    Update,
    Delete,
    Connect,
}
