namespace SeqLang.Midi;

/// <summary>
/// SMF variable-length quantities: 7 bits per byte, most significant first, bit 7 set on every
/// byte but the last; at most 4 bytes, so at most 0x0FFFFFFF.
/// </summary>
internal static class VariableLengthQuantity
{
    public const int MaxValue = 0x0FFFFFFF;
    public const int MaxLength = 4;

    /// <summary>Writes <paramref name="value"/> (0..0x0FFFFFFF) and returns the byte count.</summary>
    public static int Write(Span<byte> destination, long value)
    {
        if (value is < 0 or > MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"A variable-length quantity holds 0..{MaxValue}.");
        var length = 1;
        for (var v = value >> 7; v != 0; v >>= 7) length++;
        for (var i = length - 1; i >= 0; i--)
        {
            var septet = (byte)(value & 0x7F);
            destination[i] = i == length - 1 ? septet : (byte)(septet | 0x80);
            value >>= 7;
        }
        return length;
    }
}
