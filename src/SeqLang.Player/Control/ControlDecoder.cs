namespace SeqLang.Player.Control;

/// <summary>
/// Turns raw input messages, one complete message per call as RtMidi delivers them (no running status), into
/// <see cref="ControlEvent"/>s, keeping per-channel state for multi-message controls. Runs on the MIDI input
/// thread: all state is in arrays made by the constructor, and <see cref="TryDecode"/> allocates nothing.
/// One thread may call it at a time.
/// <para>
/// Every message yields at most one event, which is why the API is a single <c>out</c>: a 14-bit value is
/// reported as soon as its MSB arrives (and again, refined, when the LSB follows) instead of being held back
/// for an LSB that may never come, so no message has to release an earlier, held one along with its own.
/// </para>
/// <list type="bullet">
/// <item>Note-on with velocity 0 is a <see cref="ControlEventKind.NoteOff"/> with release velocity 64 (MIDI 1.0).</item>
/// <item>A configured 14-bit pair (<see cref="ControllerPair"/>): the MSB yields MSB × 128 at once (an MSB resets
/// the LSB to 0, as devices that send only the MSB expect); an LSB refines the last MSB of that pair and channel
/// (MIDI 1.0 lets a device resend only the LSB for a fine change); an LSB before any MSB yields nothing.</item>
/// <item>NRPN (CC 99 MSB, 98 LSB) and RPN (101, 100) select a parameter, in either order; the two kinds keep
/// separate registers and the one written last is selected. Data entry CC 6 then yields the parameter's value
/// MSB × 128, CC 38 refines it (an LSB before the MSB yields nothing); CC 96/97 yield a step of +1/-1 (their
/// data byte is ignored, as RP-018 asks). A new selection forgets the data entry MSB. RPN 127/127, the null
/// function, deselects: data entry is then plain CCs again.</item>
/// <item>CC 98..101 are never reported as plain CCs; CC 6, 38, 96 and 97 are not while a parameter is
/// selected (with one register still unknown, they yield nothing).</item>
/// <item>Realtime: Clock (F8), Start (FA), Continue (FB), Stop (FC); Song Position (F2, LSB first).</item>
/// <item>Anything else (program change, pitch bend, pressure, SysEx, malformed or truncated messages) yields
/// nothing and changes no state.</item>
/// </list>
/// </summary>
public sealed class ControlDecoder
{
    private const int Channels = 16;
    private const int Unknown = -1;
    private const byte NoRole = 0, MsbRole = 1, LsbRole = 2;
    private const byte NoneSelected = 0, NrpnSelected = 1, RpnSelected = 2;

    private const int DataEntryMsb = 6, DataEntryLsb = 38, DataIncrement = 96, DataDecrement = 97;
    private const int NrpnLsb = 98, NrpnMsb = 99, RpnLsb = 100, RpnMsb = 101;

    /// <summary>Per controller number: is it the MSB or the LSB of a configured pair, and its partner.</summary>
    private readonly byte[] _role = new byte[128];
    private readonly byte[] _partner = new byte[128];

    /// <summary>Per channel × MSB controller: the pair's last MSB, or <see cref="Unknown"/>.</summary>
    private readonly short[] _pairMsb = new short[Channels * 128];

    private readonly short[] _nrpnMsb = new short[Channels], _nrpnLsb = new short[Channels];
    private readonly short[] _rpnMsb = new short[Channels], _rpnLsb = new short[Channels];
    private readonly byte[] _selected = new byte[Channels];
    private readonly short[] _dataMsb = new short[Channels];

    /// <param name="pairs">The 14-bit controller pairs to join; none by default (every CC is then 7-bit).</param>
    public ControlDecoder(IEnumerable<ControllerPair>? pairs = null)
    {
        var list = new List<ControllerPair>();
        foreach (var pair in pairs ?? []) list.Add(pair);
        Pairs = list;
        foreach (var pair in list)
        {
            Claim(pair.Msb, pair);
            Claim(pair.Lsb, pair);
            _role[pair.Msb] = MsbRole;
            _role[pair.Lsb] = LsbRole;
            _partner[pair.Msb] = (byte)pair.Lsb;
            _partner[pair.Lsb] = (byte)pair.Msb;
        }
        Reset();
    }

    /// <summary>The 14-bit pairs this decoder joins.</summary>
    public IReadOnlyList<ControllerPair> Pairs { get; }

    private void Claim(int controller, ControllerPair pair)
    {
        if (controller is >= DataIncrement and <= RpnMsb)
            throw new ArgumentException($"Controller {controller} (of the pair {pair}) belongs to parameter selection (CC 96..101) and cannot be half of a 14-bit pair.", nameof(pair));
        if (_role[controller] != NoRole)
            throw new ArgumentException($"Controller {controller} (of the pair {pair}) is already in another 14-bit pair.", nameof(pair));
    }

    /// <summary>Forgets every channel's state (as after power-on: no parameter selected, no MSB known).</summary>
    public void Reset()
    {
        Array.Fill(_pairMsb, (short)Unknown);
        Array.Fill(_nrpnMsb, (short)Unknown);
        Array.Fill(_nrpnLsb, (short)Unknown);
        Array.Fill(_rpnMsb, (short)Unknown);
        Array.Fill(_rpnLsb, (short)Unknown);
        Array.Fill(_dataMsb, (short)Unknown);
        Array.Clear(_selected);
    }

    /// <summary>Decodes one complete message; false when it yields no event (consumed into state, or not a control).</summary>
    public bool TryDecode(ReadOnlySpan<byte> message, out ControlEvent e)
    {
        e = default;
        if (message.IsEmpty) return false;
        var status = message[0];
        if (status < 0x80) return false; // a data byte first: RtMidi never delivers running status
        if (status >= 0xF0) return TryDecodeSystem(message, out e);
        if (message.Length != 3 || message[1] >= 0x80 || message[2] >= 0x80) return false;
        int channel = status & 0x0F, data1 = message[1], data2 = message[2];
        switch (status & 0xF0)
        {
            case 0x80:
                e = ControlEvent.NoteOff(channel, data1, data2);
                return true;
            case 0x90:
                e = data2 == 0 ? ControlEvent.NoteOff(channel, data1, 64) : ControlEvent.NoteOn(channel, data1, data2);
                return true;
            case 0xB0:
                return TryDecodeControl(channel, data1, data2, out e);
            default:
                return false;
        }
    }

    private static bool TryDecodeSystem(ReadOnlySpan<byte> message, out ControlEvent e)
    {
        e = default;
        switch (message[0])
        {
            case 0xF8 when message.Length == 1: e = ControlEvent.Realtime(ControlEventKind.Clock); return true;
            case 0xFA when message.Length == 1: e = ControlEvent.Realtime(ControlEventKind.Start); return true;
            case 0xFB when message.Length == 1: e = ControlEvent.Realtime(ControlEventKind.Continue); return true;
            case 0xFC when message.Length == 1: e = ControlEvent.Realtime(ControlEventKind.Stop); return true;
            case 0xF2 when message.Length == 3 && message[1] < 0x80 && message[2] < 0x80:
                e = ControlEvent.SongPosition(message[1] | (message[2] << 7));
                return true;
            default:
                return false;
        }
    }

    private bool TryDecodeControl(int channel, int controller, int value, out ControlEvent e)
    {
        e = default;
        switch (controller)
        {
            case NrpnMsb: Select(channel, _nrpnMsb, NrpnSelected, value); return false;
            case NrpnLsb: Select(channel, _nrpnLsb, NrpnSelected, value); return false;
            case RpnMsb: Select(channel, _rpnMsb, RpnSelected, value); return false;
            case RpnLsb: Select(channel, _rpnLsb, RpnSelected, value); return false;
            case DataEntryMsb or DataEntryLsb or DataIncrement or DataDecrement when _selected[channel] != NoneSelected:
                return TryDataEntry(channel, controller, value, out e);
        }
        switch (_role[controller])
        {
            case MsbRole:
                _pairMsb[channel * 128 + controller] = (short)value;
                e = ControlEvent.ControlChange14(channel, controller, value << 7);
                return true;
            case LsbRole:
                var msbController = _partner[controller];
                var msb = _pairMsb[channel * 128 + msbController];
                if (msb == Unknown) return false;
                e = ControlEvent.ControlChange14(channel, msbController, (msb << 7) | value);
                return true;
            default:
                e = ControlEvent.ControlChange7(channel, controller, value);
                return true;
        }
    }

    private void Select(int channel, short[] register, byte kind, int value)
    {
        register[channel] = (short)value;
        _selected[channel] = kind;
        _dataMsb[channel] = Unknown;
        // RPN 127/127 is the null function: nothing is selected, data entry is plain CCs again.
        if (kind == RpnSelected && _rpnMsb[channel] == 127 && _rpnLsb[channel] == 127) _selected[channel] = NoneSelected;
    }

    private bool TryDataEntry(int channel, int controller, int value, out ControlEvent e)
    {
        e = default;
        var nrpn = _selected[channel] == NrpnSelected;
        int parameterMsb = nrpn ? _nrpnMsb[channel] : _rpnMsb[channel];
        int parameterLsb = nrpn ? _nrpnLsb[channel] : _rpnLsb[channel];
        if (parameterMsb == Unknown || parameterLsb == Unknown) return false; // half a selection: consumed, nothing to report
        var parameter = (parameterMsb << 7) | parameterLsb;
        switch (controller)
        {
            case DataEntryMsb:
                _dataMsb[channel] = (short)value;
                e = new ControlEvent(nrpn ? ControlEventKind.Nrpn : ControlEventKind.Rpn, channel, parameter, value << 7);
                return true;
            case DataEntryLsb:
                var msb = _dataMsb[channel];
                if (msb == Unknown) return false;
                e = new ControlEvent(nrpn ? ControlEventKind.Nrpn : ControlEventKind.Rpn, channel, parameter, (msb << 7) | value);
                return true;
            default:
                e = new ControlEvent(nrpn ? ControlEventKind.NrpnStep : ControlEventKind.RpnStep, channel, parameter, controller == DataIncrement ? 1 : -1);
                return true;
        }
    }
}
