service_accounts = {
  a = "team-a:team-a-sa"
}
