using SeqLang.Compiler.Piece;

namespace SeqLang.Player;

/// <summary>
/// Live-control ids of lanes by full name (<c>drums.kick</c>), stable across every version of the piece a
/// playback switches to, so a lane muted before a reload stays muted after it. Ids index
/// <see cref="LiveState"/>'s arrays. Written by the producer when a piece comes in, read by control threads.
/// </summary>
public sealed class LaneRegistry
{
    private readonly Dictionary<string, short> _ids = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The id of a lane, or -1 when no version played so far has it (or the registry is full).</summary>
    public int Find(string fullName)
    {
        lock (_lock) return _ids.TryGetValue(fullName, out var id) ? id : -1;
    }

    /// <summary>Every lane id of a track (by its name), for track-wide mutes.</summary>
    public IReadOnlyList<int> OfTrack(string track)
    {
        var prefix = track + ".";
        lock (_lock) return _ids.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(p => (int)p.Value).ToList();
    }

    /// <summary>Ids for a piece's lanes, per track then lane index; new names get new ids.</summary>
    public short[][] Assign(CompiledPiece piece)
    {
        lock (_lock)
        {
            var result = new short[piece.Tracks.Count][];
            for (var t = 0; t < result.Length; t++)
            {
                var lanes = piece.Tracks[t].Lanes;
                result[t] = new short[lanes.Count];
                for (var l = 0; l < lanes.Count; l++)
                {
                    if (!_ids.TryGetValue(lanes[l].FullName, out var id))
                    {
                        id = _ids.Count < LiveState.MaxLanes ? (short)_ids.Count : (short)-1;
                        if (id >= 0) _ids[lanes[l].FullName] = id;
                    }
                    result[t][l] = id;
                }
            }
            return result;
        }
    }
}
