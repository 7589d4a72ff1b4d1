using System.Text.Json;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// Brings the entries of a JSON array that are the webhook's, known by their <c>name</c>, in line
/// with those wanted: each refreshed in place when it differs, added at the end when missing,
/// removed when not wanted or listed twice; the tenant's own entries are left as they are.
/// </summary>
/// <typeparam name="T">What an entry is written from.</typeparam>
/// <param name="nameOf">The name of the entry written from a wanted value.</param>
/// <param name="isWrittenAs">Whether an entry already holds exactly what a wanted value writes.</param>
/// <param name="write">The entry a wanted value writes, as UTF-8 JSON: a volume's is the plan's own, written once.</param>
internal sealed class OwnedEntries<T>(Func<T, string> nameOf, Func<JsonElement, T, bool> isWrittenAs, Func<T, ReadOnlyMemory<byte>> write)
{
    /// <param name="patch">Where the operations go.</param>
    /// <param name="path">Where the array stands in the document.</param>
    /// <param name="list">The array as sent, or null when there is none.</param>
    /// <param name="wanted">What the webhook's entries must be now, in order.</param>
    public void Reconcile(List<JsonPatchOperation> patch, string path, JsonElement? list, IReadOnlyList<T> wanted)
    {
        if (list is not { } entries)
        {
            if (wanted.Count > 0)
            {
                patch.Add(JsonPatchOperation.AddJson(path, JsonArrays.Join([.. wanted.Select(write)])));
            }
            return;
        }
        var byName = wanted.ToDictionary(nameOf, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var removed = new List<int>();
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            if (OwnedName(entry) is { } name)
            {
                if (byName.TryGetValue(name, out var value) && placed.Add(name))
                {
                    if (!isWrittenAs(entry, value))
                    {
                        patch.Add(JsonPatchOperation.ReplaceJson(JsonPointer.Append(path, index), write(value)));
                    }
                }
                else
                {
                    removed.Add(index);
                }
            }
            index++;
        }
        // A list left empty goes, as if the webhook had never added to it.
        if (wanted.Count == 0 && removed.Count > 0 && removed.Count == index)
        {
            patch.Add(JsonPatchOperation.Remove(path));
            return;
        }
        // Last first, so that each index still holds; the replacements above stand before any removal.
        patch.AddRange(Enumerable.Reverse(removed).Select(i => JsonPatchOperation.Remove(JsonPointer.Append(path, i))));
        patch.AddRange(wanted.Where(w => !placed.Contains(nameOf(w))).Select(w => JsonPatchOperation.AddJson($"{path}/-", write(w))));
    }

    /// <summary>How many entries of the list are the webhook's, by their names.</summary>
    public static int CountOwned(JsonElement? list) =>
        list is { ValueKind: JsonValueKind.Array } entries ? entries.EnumerateArray().Count(entry => OwnedName(entry) is not null) : 0;

    /// <summary>The entry's name when it is the webhook's, else null.</summary>
    public static string? OwnedName(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name"u8, out var name) && name.ValueKind == JsonValueKind.String
            && name.GetString() is { } text && BindingVolume.IsBindingVolume(text)
            ? text
            : null;
}
