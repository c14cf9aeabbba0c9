Register-ArgumentCompleter -Native -CommandName taskr -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  (taskr --list --quiet) + @('--help','--version','--watch') |
    Where-Object { $_ -like "$wordToComplete*" } |
    ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
}
