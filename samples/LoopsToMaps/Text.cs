using System.Globalization;

namespace LoopsToMaps;

/// <summary>Pure text functions: PG0201 offers to make them [Parallelizable].</summary>
public static class Text
{
    /// <summary>A deterministic score of <paramref name="word"/> (a small hash, worked hard).</summary>
    public static int Score(string word)
    {
        var score = 17;
        for (var round = 0; round < 1000; round++)
        {
            foreach (var c in word)
            {
                score = unchecked((score * 31) + c + round);
            }
        }

        return score & 0xFFFF;
    }

    /// <summary><paramref name="word"/> in capitals with its length.</summary>
    public static string Shout(string word) => word.ToUpperInvariant() + word.Length.ToString(CultureInfo.InvariantCulture);
}
