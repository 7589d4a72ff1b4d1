using System.Globalization;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// The binding of one linked Service, as the Service Binding specification lays it out: the files
/// <c>type</c>, <c>provider</c>, <c>host</c>, <c>port</c>, <c>database</c> when the Service has one and
/// <c>uri</c> without credentials from annotations; <c>username</c> and <c>password</c> from the
/// credentials Secret, which the webhook never reads.
/// </summary>
/// <param name="Service">The Service's name, the binding's directory.</param>
/// <param name="VolumeName">Its projected volume.</param>
/// <param name="Files">The files the pod's annotations hold, in order.</param>
/// <param name="VolumeJson">Its projected volume as it goes into <c>spec.volumes</c>.</param>
/// <param name="Credentials">The Secret and keys its <c>username</c> and <c>password</c> come from, or null.</param>
internal sealed record ServiceBinding(string Service, string VolumeName, IReadOnlyList<BindingFile> Files, ReadOnlyMemory<byte> VolumeJson, Credentials? Credentials)
{
    public const string UsernameFile = "username";
    public const string PasswordFile = "password";

    /// <summary>The binding of the link's Service, from the link's port.</summary>
    public static ServiceBinding For(ResolvedLink link, ServiceHosts hosts)
    {
        var service = link.Service;
        var files = new List<BindingFile>(6)
        {
            BindingFile.Of(service.Name, "type", Protocols.BindingType(link.Scheme)),
            BindingFile.Of(service.Name, "provider", BindingLayout.Provider),
            BindingFile.Of(service.Name, "host", hosts.Of(service.Name, service.Namespace)),
            BindingFile.Of(service.Name, "port", link.Port.Port.ToString(CultureInfo.InvariantCulture)),
        };
        if (service.Database is { } database)
        {
            // The annotation may start with the URL path's slash, which the name does not have.
            files.Add(BindingFile.Of(service.Name, "database", database.TrimStart('/')));
        }
        files.Add(BindingFile.Of(service.Name, "uri", LinkVariables.ComposedUrl(link, hosts, "")));
        var volumeName = BindingVolume.NameOf(service.Name);
        return new ServiceBinding(service.Name, volumeName, files, BindingVolume.Write(volumeName, files, link.Credentials), link.Credentials);
    }
}
