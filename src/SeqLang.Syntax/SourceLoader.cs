using System.Text;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Syntax;

/// <summary>
/// Turns a file's bytes into text, refusing what is not a .seq file (binary, not UTF-8, empty) with a
/// diagnostic instead of feeding garbage to the parser.
/// </summary>
public static class SourceLoader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null when the bytes cannot be a .seq file (the reason is in the bag).</summary>
    public static SourceText? Load(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) bytes = bytes[3..];
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(Codes.BinaryInput, new SourceSpan(0, 0));
            return null;
        }
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            // Index is the offset of the offending byte in the input, so no second scan is needed.
            var offset = Math.Clamp(e.Index, 0, bytes.Length - 1);
            // The span points at the characters before the bad byte, which are valid text.
            var prefix = Encoding.UTF8.GetString(bytes[..offset]);
            diagnostics.Add(Codes.NotUtf8, new SourceSpan(prefix.Length, 1), e.BytesUnknown is { Length: > 0 } b ? b[0] : bytes[offset], offset);
            return new SourceText(path, prefix);
        }
        var source = new SourceText(path, text);
        if (string.IsNullOrWhiteSpace(text)) diagnostics.Add(Codes.EmptyFile, new SourceSpan(0, 0));
        return source;
    }
}
