# shellcheck shell=bash
# link-plugin.sh: installs a plugin file by linking it from the checkout into the folder its agent loads
# plugins from (so a git pull updates it), and uninstalls only that link. Sourced by the installers.

# link_plugin install|uninstall SOURCE TARGET: TARGET is ours when it links to a file named like SOURCE
# under integrations/ (any checkout) or is a copy of SOURCE. Anything else there is backed up, not lost.
link_plugin() {
  local action=$1 source=$2 target=$3 current="" backup
  local marker="/integrations/${source#*/integrations/}"
  [[ -L "$target" ]] && current=$(readlink "$target")
  if [[ "$action" == uninstall ]]; then
    if [[ "$current" == *"$marker" ]] || { [[ -f "$target" && ! -L "$target" ]] && cmp -s "$source" "$target"; }; then
      rm -f "$target"
      printf '%s: removed\n' "$target"
    elif [[ -e "$target" || -L "$target" ]]; then
      printf '%s: not ours, left in place\n' "$target"
    else
      printf '%s: nothing to remove\n' "$target"
    fi
    return 0
  fi
  if [[ "$current" == "$source" ]]; then
    printf '%s: already installed\n' "$target"
    return 0
  fi
  mkdir -p "${target%/*}"
  if [[ -e "$target" || -L "$target" ]]; then
    backup="$target.bak-$(date +%Y%m%d-%H%M%S)"
    mv "$target" "$backup"
    printf '%s: backed up to %s\n' "$target" "$backup"
  fi
  ln -s "$source" "$target"
  printf '%s: installed (links to %s)\n' "$target" "$source"
}
