using System.CommandLine;

namespace Pipeline.Cli;

/// <summary>The <c>pipeline</c> command and every command under it.</summary>
internal static class PipelineRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Pipeline: ingest documents, clean them, tag their entities, store and search them.")
        {
            RunCommand.Create(),
            IngestCommand.Create(),
            CrawlCommand.Create(),
            CleanCommand.Create(),
            TagCommand.Create(),
            SearchCommand.Create(),
            ShowCommand.Create(),
            ErrorsCommand.Create(),
            EvalCommand.Create(),
            TrainTaggerCommand.Create(),
            TrainCleanerCommand.Create(),
            BenchCommand.Create(),
            Fuzz.FuzzCommand.Create(),
        };
        CommandListHelpAction.Install(root);
        return root;
    }
}
