using System.CommandLine;
using Pipeline.Cli;

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
};
return await root.Parse(args).InvokeAsync();
