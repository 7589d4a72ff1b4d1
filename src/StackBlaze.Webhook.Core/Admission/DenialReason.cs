namespace StackBlaze.Webhook.Core.Admission;

/// <summary>Why a request is denied.</summary>
public enum DenialReason
{
    /// <summary>The request is understood and breaks a rule: links that cannot work, calls to public URLs.</summary>
    Policy,

    /// <summary>The object, or the request around it, cannot be read as what it says it is.</summary>
    InvalidObject,

    /// <summary>The webhook cannot decide yet: its catalog has no full picture of the cluster.</summary>
    NotReady,
}
