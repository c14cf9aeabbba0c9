_taskr() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local tasks=$(taskr --list --quiet 2>/dev/null)
  COMPREPLY=( $(compgen -W "$tasks --help --version --watch" -- "$cur") )
}
complete -F _taskr taskr
