using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>Options for <see cref="PanelReader"/>.</summary>
internal sealed record PanelReaderOptions
{
    /// <summary>The format to read; <see cref="PanelFormat.Auto"/> chooses by extension, then content.</summary>
    public PanelFormat Format { get; init; } = PanelFormat.Auto;

    /// <summary>The element catalogue used to recognise element names.</summary>
    public ElementCatalog Catalog { get; init; } = ElementCatalog.Default;
}
