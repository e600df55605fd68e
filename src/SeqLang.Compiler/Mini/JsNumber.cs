using System.Globalization;
using System.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Mini;

/// <summary>
/// JavaScript's number conversions, which decide what a mini-notation atom is: Strudel makes an atom a
/// number when <c>Number(text)</c> is not NaN, and prints numbers as <c>String(number)</c> does
/// (<c>"1.0"</c> → 1, <c>".5"</c> → 0.5, <c>"-0"</c> → 0, <c>"1e3"</c> → 1000, <c>"0x10"</c> → 16).
/// </summary>
internal static class JsNumber
{
    /// <summary><c>Number(text)</c> for the characters an atom can hold; false where JavaScript gives NaN.</summary>
    public static bool TryParse(string text, out double value)
    {
        value = double.NaN;
        var s = text.AsSpan().Trim();
        if (s.Length == 0) { value = 0; return true; }
        switch (s)
        {
            case "Infinity" or "+Infinity": value = double.PositiveInfinity; return true;
            case "-Infinity": value = double.NegativeInfinity; return true;
        }
        if (s.Length > 2 && s[0] == '0' && (s[1] | 0x20) is 'x' or 'o' or 'b')
            return TryParseRadix(s[2..], (s[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 }, out value);
        if (!IsDecimalLiteral(s)) return false;
        value = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    // StrDecimalLiteral: [+-] (digits [. digits?] | . digits) ([eE] [+-] digits)?
    private static bool IsDecimalLiteral(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (s[i] is '+' or '-') i++;
        var intDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; intDigits++; }
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; fracDigits++; }
        }
        if (intDigits + fracDigits == 0) return false;
        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            var expDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; expDigits++; }
            if (expDigits == 0) return false;
        }
        return i == s.Length;
    }

    private static bool TryParseRadix(ReadOnlySpan<char> digits, int radix, out double value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? (c | 0x20) - 'a' + 10 : 99;
            if (d >= radix) { value = double.NaN; return false; }
            value = value * radix + d;
        }
        return true;
    }

    /// <summary>
    /// A decimal literal as an exact fraction. Short literals (the usual "3", "0.25", "1e3") are read
    /// directly; anything longer goes through <see cref="Rational.TryParseDecimal"/>.
    /// </summary>
    public static bool TryExactDecimal(string text, out Rational value)
    {
        value = Rational.Zero;
        var s = text.AsSpan();
        if (s.Length > 16) return Rational.TryParseDecimal(text, out value);
        if (s.Length == 0 || !IsDecimalLiteral(s)) return false;
        var i = 0;
        var negative = s[0] == '-';
        if (s[0] is '+' or '-') i++;
        long mantissa = 0;
        var scale = 0;
        var seenPoint = false;
        for (; i < s.Length && (s[i] | 0x20) != 'e'; i++)
        {
            if (s[i] == '.') { seenPoint = true; continue; }
            mantissa = mantissa * 10 + (s[i] - '0');
            if (seenPoint) scale++;
        }
        if (i < s.Length) scale -= int.Parse(s[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (scale < -15 || scale > 15) return Rational.TryParseDecimal(text, out value);
        if (negative) mantissa = -mantissa;
        var power = 1L;
        for (var k = 0; k < Math.Abs(scale); k++) power *= 10;
        if (scale >= 0)
        {
            value = new Rational(mantissa, power);
            return true;
        }
        var big = (Int128)mantissa * power;
        if (big > long.MaxValue || big < long.MinValue) return Rational.TryParseDecimal(text, out value);
        value = Rational.FromInteger((long)big);
        return true;
    }

    /// <summary><c>String(number)</c>: the shortest digits that read back as the same double, in JavaScript's layout.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (value == 0) return "0";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        if (value < 0) return "-" + Format(-value);

        // .NET's "R" gives the shortest round-trip digits; only the layout differs from JavaScript's.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var exponent = e >= 0 ? int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var mantissa = e >= 0 ? r[..e] : r;
        var dot = mantissa.IndexOf('.');
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        var pointAt = (dot >= 0 ? dot : mantissa.Length) + exponent; // value = 0.digits × 10^pointAt
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        pointAt -= lead;
        var k = digits.Length;
        var n = pointAt;
        var sb = new StringBuilder();
        if (k <= n && n <= 21) sb.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21) sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0) sb.Append("0.").Append('0', -n).Append(digits);
        else
        {
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
