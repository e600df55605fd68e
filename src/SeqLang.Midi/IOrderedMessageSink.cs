namespace SeqLang.Midi;

/// <summary>Where <see cref="MessageOrderer"/> puts the messages it emits: a file's track chunks or a player's queue.</summary>
/// <remarks>Implemented by structs where it matters: the orderer's emit methods are generic over the sink, so the call is direct.</remarks>
public interface IOrderedMessageSink
{
    void Write(in OrderedMessage message);
}
