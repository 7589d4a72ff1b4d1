using k8s;
using k8s.Exceptions;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.Cluster;

/// <summary>Which cluster to watch: <c>--kubeconfig</c>, else the pod's service account, else KUBECONFIG or ~/.kube/config.</summary>
internal static class KubernetesConnection
{
    /// <param name="kubeconfig">The file of <c>--kubeconfig</c>, if given.</param>
    /// <param name="context">The context of that file to use (<c>--context</c>); null for its current context.</param>
    public static KubernetesClientConfiguration Resolve(string? kubeconfig, string? context = null)
    {
        try
        {
            if (kubeconfig is not null)
            {
                return File.Exists(kubeconfig)
                    ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, context)
                    : throw new StartupException($"--kubeconfig {kubeconfig}: no such file");
            }
            if (KubernetesClientConfiguration.IsInCluster())
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }
            var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(File.Exists);
            var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
            var file = fromEnvironment ?? (File.Exists(home) ? home : null);
            return file is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(file)
                : throw new StartupException(
                    "no cluster to watch and no --catalog: give --kubeconfig FILE, run in a cluster with a service account, or set KUBECONFIG (or ~/.kube/config)");
        }
        catch (KubeConfigException e)
        {
            throw new StartupException($"cannot use the kubeconfig: {e.Message}");
        }
    }
}
